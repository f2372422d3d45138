/**
 * Glue for {@code processes/enforcement-case.bpmn} (行政执法案件, CASE-01..CASE-07): one Spring bean
 * per step, referenced by {@code camunda:delegateExpression}. The procedure is in the BPMN, whether
 * and how an activity is recorded is the DMN {@code recording-requirement}, whether legal review is
 * needed is the DMN {@code legal-review-requirement}; the beans check what a form alone cannot
 * (two distinct certified officers, the hearing officer's independence) and keep the records.
 */
package cn.gov.enforcement.casework;
