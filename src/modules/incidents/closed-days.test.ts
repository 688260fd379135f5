import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, ClosedDays, HOLIDAY_DATA_THROUGH } from "./closed-days.ts";

const OFFICE = new ClosedDays({
	weekdays: [0, 6],
	nationalHolidays: true,
	yearly: ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"],
});

test("weekends, national holidays (substitute ones too) and the New Year closure are closed", () => {
	assert.equal(OFFICE.isClosed("2027-03-06"), true, "Saturday");
	assert.equal(OFFICE.isClosed("2027-03-07"), true, "Sunday");
	assert.equal(OFFICE.isClosed("2027-03-08"), false, "Monday");
	assert.equal(OFFICE.isClosed("2027-03-21"), true, "春分の日 (a Sunday)");
	assert.equal(OFFICE.isClosed("2027-03-22"), true, "振替休日 for it");
	assert.equal(OFFICE.isClosed("2026-11-03"), true, "文化の日");
	assert.equal(OFFICE.isClosed("2026-12-29"), true, "New Year closure, a Tuesday");
	assert.equal(OFFICE.isClosed("2026-12-28"), false, "the last open day of the year");
});

test("a closed day moves to the next open day; an open day stays", () => {
	assert.equal(OFFICE.nextOpenDay("2026-12-29"), "2027-01-04");
	assert.equal(OFFICE.nextOpenDay("2027-05-01"), "2027-05-06", "Golden Week");
	assert.equal(OFFICE.nextOpenDay("2027-05-06"), "2027-05-06");
});

test("a rule without national holidays counts them as open", () => {
	const weekendsOnly = new ClosedDays({ weekdays: [0, 6], nationalHolidays: false, yearly: [] });
	assert.equal(weekendsOnly.isClosed("2026-11-03"), false);
	assert.equal(weekendsOnly.nextOpenDay("2027-01-01"), "2027-01-01");
});

test("beyond the holiday library's data the answer is refused, not guessed", () => {
	assert.ok(HOLIDAY_DATA_THROUGH >= 2040, `data through ${HOLIDAY_DATA_THROUGH}`);
	const june = Array.from({ length: 7 }, (_, i) => addDays(`${HOLIDAY_DATA_THROUGH + 1}-06-01`, i));
	const weekday = june.find((day) => ![0, 6].includes(new Date(day).getUTCDay()));
	assert.ok(weekday);
	assert.throws(() => OFFICE.isClosed(weekday), RangeError);
});

test("addDays crosses months, leap days and years", () => {
	assert.equal(addDays("2028-02-28", 1), "2028-02-29");
	assert.equal(addDays("2026-12-31", 1), "2027-01-01");
	assert.equal(addDays("2027-04-28", 29), "2027-05-27");
});
