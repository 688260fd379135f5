import { type GatewayRule, nameOf } from "./rule.ts";

/** A file-sanitising transfer releases originals only with an approver's consent (上長承認). */
export const fileTransferApprovalRule: GatewayRule = {
	id: "file-transfer-approval",
	scope: "gateway",
	clause: "基本方針 2(13) 無害化通信; 総務省ガイドライン（ファイル無害化と承認）",
	title: { ja: "ファイル無害化転送の承認", en: "Approval on file-sanitising transfer" },
	description: {
		ja: "ファイル無害化転送のゲートウェイは、原本の受け渡しに上長の承認を求める設定にする。",
		en: "A file-sanitising transfer gateway requires an approver before an original is released.",
	},
	codes: ["file_transfer_without_approval"],
	check(gateway) {
		if (gateway.kind !== "sanitizing_file_transfer" || gateway.approval === true) return null;
		return { code: "file_transfer_without_approval", params: { gateway: nameOf(gateway) } };
	},
};
