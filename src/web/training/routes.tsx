import type { ReactElement } from "react";
import { MyTrainingPage } from "./MyTrainingPage.tsx";
import { TrainingPage } from "./TrainingPage.tsx";

/** The page of a `/training…` path, or null for other paths; `mine` is every member of staff's. */
export function trainingPage(path: string): { page: ReactElement; action: string } | null {
	if (path === "/training") return { page: <TrainingPage />, action: "training.read" };
	if (path === "/training/mine") return { page: <MyTrainingPage />, action: "training.take" };
	return null;
}
