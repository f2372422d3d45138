package cn.gov.enforcement.recording;

/**
 * One choice of a form's checklist or select ({@code valuesKey}): the label people read, the value the
 * form submits — so a recording is picked from a list, never typed in as an id.
 */
public record FormOption(String label, String value) {}
