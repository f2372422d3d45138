-- Business keys people can read (contract.md "Business keys"): the running number of each kind of
-- document per year, e.g. 重大决策〔2026〕7号. One row per prefix and year; a number is taken by
-- moving last_number forward inside the transaction that uses it, so it is never given twice and a
-- rolled-back start gives its number back.
CREATE TABLE document_number (
  prefix       VARCHAR(40) NOT NULL,
  number_year  INTEGER     NOT NULL,
  last_number  INTEGER     NOT NULL,
  PRIMARY KEY (prefix, number_year)
);
