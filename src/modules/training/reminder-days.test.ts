import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { reminderDaysOf, reminderDue } from "./reminder-days.ts";

describe("training reminder days", () => {
	test("a course's own days win over the pack's; the pack's are read largest first", () => {
		assert.deepEqual(reminderDaysOf(7, [14, 3]), [7]);
		assert.deepEqual(reminderDaysOf(null, [3, 14]), [14, 3]);
	});

	test("the smallest reminder day reached is due, with a key per due date and day", () => {
		const due = "2026-07-31";
		assert.equal(reminderDue("2026-07-16", due, [14, 3]), null, "15 days before: none yet");
		assert.deepEqual(reminderDue("2026-07-17", due, [14, 3]), { daysBefore: 14, key: due });
		assert.deepEqual(reminderDue("2026-07-27", due, [14, 3]), { daysBefore: 14, key: due });
		assert.deepEqual(reminderDue("2026-07-28", due, [14, 3]), {
			daysBefore: 3,
			key: `${due}/3d`,
		});
		assert.deepEqual(reminderDue("2026-07-31", due, [0]), { daysBefore: 0, key: due });
		assert.equal(reminderDue("2026-07-30", due, [0]), null);
	});
});
