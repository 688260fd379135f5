import type { ReactElement } from "react";
import { CoursePage } from "./CoursePage.tsx";
import { MyTrainingPage } from "./MyTrainingPage.tsx";
import { TrainingPage } from "./TrainingPage.tsx";

/** The page of a `/training…` path, or null for other paths; `mine` is every member of staff's. */
export function trainingPage(path: string): { page: ReactElement; action: string } | null {
	if (path === "/training") return { page: <TrainingPage />, action: "training.read" };
	if (path === "/training/mine") return { page: <MyTrainingPage />, action: "training.take" };
	const course = /^\/training\/courses\/([^/]+)$/.exec(path);
	if (course?.[1]) {
		const id = decodeURIComponent(course[1]);
		return { page: <CoursePage key={id} id={id} />, action: "training.read" };
	}
	return null;
}
