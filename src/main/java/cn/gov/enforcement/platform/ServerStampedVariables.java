package cn.gov.enforcement.platform;

import cn.gov.enforcement.deadlines.DatedStepsConfiguration;
import java.util.List;

import java.util.Set;
import java.util.TreeSet;

/**
 * THE list of process variables that only the server writes: who started, requested, registered,
 * drafted, reviewed or approved something (and when), taken from the authenticated user by the
 * engine ({@code camunda:initiator}) or by the application's listeners and delegates. A client
 * that submits one of them (start variables, start or task form, task completion, variable
 * update, message or signal payload; engine-rest, the webapps' API or the Java API with an
 * authenticated user) is refused with 400 naming the variable, before anything is written
 * ({@link EngineGuardInterceptor}); the server's own code writing them inside a command is not
 * affected.
 *
 * <p>To add a variable (e.g. the start date of a statutory period that the server stamps, such as
 * a filing date), add its name to {@link #NAMES} with a comment saying who writes it. The
 * {@code camunda:initiator} variable of every model in {@code processes/} must be listed:
 * {@code ServerStampedVariablesTest} checks that. A form field must not have one of these names
 * (the form would become unsubmittable): the same test checks {@code forms/}.
 *
 * <p>Who is "the server": code running inside an engine command (listeners, delegates, and the
 * engine calls they make) and engine calls made without an authenticated user (jobs, start-up,
 * the application's own scheduled work). Application code that serves a request with an
 * authenticated user and must itself hand a stamped value to the engine does so from a listener
 * or delegate of the model, not as input of the request's own engine call.
 */
public final class ServerStampedVariables {

  private ServerStampedVariables() {}

  /** Every server-stamped variable name: the doers below and the dated steps' server dates. */
  public static final Set<String> NAMES = withDatedSteps(
      // camunda:initiator of each process: the engine sets it to the starting user
      "requester",            // recording-access
      "intakeBy",             // enforcement-case
      "registeredBy",         // major-decision
      "reviewRequester",      // legal-review
      "serviceInitiator",     // document-service
      "disclosureRequester",  // disclosure
      "advanceAuthor",        // advance-disclosure (issue #18, PUB-06)
      // enforcement-case, casework.CaseDisclosureStart (issue #16): the case's own disclosure instance
      "disclosureInstanceId",
      // major-decision, decision.StepRecord (DEC-17): the doer of a step and when
      "draftedBy", "draftedAt", "reviewedBy", "reviewedAt", "admittedBy", "admittedAt", "approvedBy", "approvedAt",
      // major-decision, decision.ProposalRegistration
      "registeredAt",
      // major-decision, decision.OpinionRegistration / PublicOpinionHandling / OpinionHandlingPublication
      // (DEC-06): the opinion register, its handling, the counts and the disclosure that publishes it
      "publicOpinions", "publicOpinionHandling", "opinionsReceived", "opinionsAdopted", "opinionDisclosureId",
      // major-decision, decision.ProposalRegistration / AdmissionCheck (DEC-18): the director who
      // let a matter outside the yearly catalogue into the procedure, and whether it is in it
      "outsideCatalogueApprovedBy", "inCatalogue", "catalogueItemTitle",
      // major-decision, decision.ImplementationReports (DEC-16): how many periodic reports are done
      "implementationReportNo",
      // legal-review, review.ReviewerIndependence: who reviewed and when
      "legalReviewer", "legalReviewedAt",
      // disclosure, disclosure.DisclosureReviewCheck
      "disclosureReviewer",
      // enforcement-case (issue 14): casework.CaseStepRecord (draftedBy/approvedBy… above are shared
      // with major-decision), casework.HearingOfficerAppointment, casework.PartyResponseCheck
      "filingProposedBy", "filingApprovedBy", "appointedHearingOfficer", "hearingWaiverRecordedBy",
      // enforcement-case, CallActivity_LegalReview start (LR-04): once held, every redraft is reviewed again
      "legalReviewHeld",
      // recording-disposal, recording.DisposalReviewRecord (issue 14 item 7)
      "disposalRequestedBy",
      // forms.AssistedOfficerCheck (AUX-02): who assisted whom
      "assistedBy");

  /**
   * Adds the dates each process stamps at its steps (PER-06: filing, decision, closure … dates,
   * declared once per process in {@code deadlines.DatedStepsConfiguration#ALL}), so they are
   * refused at start, completion and variable update like the doers.
   */
  private static Set<String> withDatedSteps(String... doers) {
    Set<String> names = new TreeSet<>(List.of(doers));
    DatedStepsConfiguration.ALL.forEach(steps -> names.addAll(steps.stampedNames()));
    return Set.copyOf(names);
  }

  /**
   * Families of server-stamped names with a per-person suffix: major-decision,
   * decision.ExpertOpinionRecord (DEC-04): {@code expertSignedBy_<expert>} is the expert who
   * completed the opinion task (the signature), {@code expertSignedAt_<expert>} when.
   */
  public static final Set<String> PREFIXES = Set.of("expertSignedBy_", "expertSignedAt_");

  public static boolean isServerStamped(String name) {
    return name != null && (NAMES.contains(name) || PREFIXES.stream().anyMatch(name::startsWith));
  }

  /** The server-stamped names among the given ones, sorted; empty when there are none. */
  public static Set<String> among(Iterable<String> names) {
    Set<String> found = new TreeSet<>();
    for (String name : names) {
      if (isServerStamped(name)) {
        found.add(name);
      }
    }
    return found;
  }
}
