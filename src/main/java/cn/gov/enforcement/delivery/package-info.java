/**
 * Glue for {@code processes/document-service.bpmn} (文书送达, SVC-01..SVC-07): one Spring bean per
 * step, referenced from the model by {@code camunda:delegateExpression}. The path itself (which
 * method, what happens after a refusal or a returned letter) is in the BPMN; the recording rule is
 * the DMN {@code recording-requirement}.
 */
package cn.gov.enforcement.delivery;
