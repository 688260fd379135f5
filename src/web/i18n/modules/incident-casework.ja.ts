/** Japanese messages of an incident's casework (tasks, evidence, report draft), merged into ja.ts. */
export const incidentCaseworkJa = {
	"audit.type.incident.task_created": "インシデントの作業の登録",
	"audit.type.incident.task_updated": "インシデントの作業の変更",
	"audit.type.incident.task_completed": "インシデントの作業の完了",
	"audit.type.incident.evidence_added": "インシデントの証跡ファイルの登録",
	"audit.type.incident.report_draft_exported": "漏えい等報告書案の出力",

	"issue.due_in_past": "期限に過去の日付は指定できません（今日は {today}）。",
	"issue.task_done": "この作業はすでに完了しています。",

	"issue.field.ownerId": "担当者",
	"issue.field.dueOn": "期限",
	"issue.field.done": "完了",
	"issue.field.taskId": "作業",
	"issue.field.evidenceId": "証跡ファイル",
	"issue.field.cause": "原因",
	"issue.field.secondaryDamage": "二次被害",
	"issue.field.responseToPeople": "本人への対応",
	"issue.field.publicAnnouncement": "公表",

	"home.work.kind.incident_tasks": "担当しているインシデント対応の作業: {count} 件",
} as const;
