/**
 * Shared kernel: the contract's enforcement activities, read by the decision tables' contract
 * ({@code rules}) and by evidence ingest and its labels ({@code recording}).
 */
package cn.gov.enforcement.activities;
