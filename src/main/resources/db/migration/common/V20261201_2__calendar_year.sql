-- PER-05: the State Council's holiday notice for a year, entered at run time by camunda-admin
-- (PUT /api/calendar/years/{year}). One row per year; entering the year again replaces it, and
-- every entry is in the audit log. Dates are yyyy-MM-dd, comma-separated, sorted.
CREATE TABLE calendar_year (
  notice_year          INTEGER       PRIMARY KEY,
  notice               VARCHAR(200)  NOT NULL,
  holidays             VARCHAR(4000) NOT NULL,
  make_up_working_days VARCHAR(2000) NOT NULL,
  entered_by           VARCHAR(64)   NOT NULL,
  entered_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
