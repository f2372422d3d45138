/**
 * Glue for {@code processes/disclosure.bpmn} (行政执法公示, PUB-01..PUB-05): publication deadline,
 * how long a result stays published, the legal unit's check of withheld content, and the
 * revocation notice that arrives as the message {@code DecisionRevoked}.
 */
package cn.gov.enforcement.disclosure;
