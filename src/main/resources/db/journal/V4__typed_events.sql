-- Typed run events: from this version on, an event's detail is its record as versioned JSON ({"v": 2, …}),
-- read by one codec; older events keep their text and are read by the legacy reader. The columns stay as
-- they were, so journals of earlier versions open, resume, report and verify unchanged.
-- What was not well on the side a run recovered to when its clock stopped (null when it was healthy):
-- such a run is never "within objectives".
ALTER TABLE runs ADD COLUMN recovery_problem VARCHAR(4000);
