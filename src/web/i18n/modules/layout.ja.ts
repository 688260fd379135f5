/** Japanese messages of how pages fit the screen (scrolling boxes, diagram zoom), merged into ja.ts. */
export const layoutJa = {
	"scroll.hint": "横にスクロールできます →",
	"scroll.region": "{name}（横にスクロールできます）",
	"scroll.regionUnnamed": "横にスクロールできる表",
	"network.zoom.label": "構成図の表示倍率",
	"network.zoom.in": "拡大",
	"network.zoom.out": "縮小",
	"network.zoom.fit": "全体を表示",
	"network.zoom.level": "{percent}%",
	"network.zoom.hint": "拡大すると、枠の中で上下左右にスクロールできます。",
} as const;
