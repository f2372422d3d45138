-- DEC-18: the yearly catalogue of planned major decisions (年度重大行政决策目录), adopted by the
-- director (PUT /api/decision-catalogue/{year}) and thereby published. One row per year; adopting
-- the year again (an amended catalogue) replaces its items and the adoption stamp. The public
-- portal (issue #18) reads the rows where published_at is set.
CREATE TABLE decision_catalogue (
  catalogue_year INTEGER      PRIMARY KEY,
  adopted_by     VARCHAR(64)  NOT NULL,
  adopted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at   TIMESTAMP WITH TIME ZONE
);
CREATE TABLE decision_catalogue_item (
  catalogue_year INTEGER       NOT NULL REFERENCES decision_catalogue (catalogue_year),
  item_no        VARCHAR(16)   NOT NULL,
  title          VARCHAR(500)  NOT NULL,
  category       VARCHAR(32)   NOT NULL,
  PRIMARY KEY (catalogue_year, item_no)
);
