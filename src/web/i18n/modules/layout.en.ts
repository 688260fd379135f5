import type { layoutJa } from "./layout.ja.ts";

/** English messages of how pages fit the screen: every key of the Japanese ones. */
export const layoutEn: Record<keyof typeof layoutJa, string> = {
	"scroll.hint": "Scroll sideways for more →",
	"scroll.region": "{name} (scrolls sideways)",
	"scroll.regionUnnamed": "Table that scrolls sideways",
	"network.zoom.label": "Diagram zoom",
	"network.zoom.in": "Zoom in",
	"network.zoom.out": "Zoom out",
	"network.zoom.fit": "Fit to box",
	"network.zoom.level": "{percent}%",
	"network.zoom.hint": "When zoomed in, scroll inside the box in any direction.",
};
