#!/usr/bin/env python3
"""Drives whole procedures (and single calls) through the public REST API with N client threads,
as the users of the demo profile (password "demo"), and reports instances/s, requests and engine
commits per instance (pg_stat_database.xact_commit of the application's database, delta over the
run) and request latency.

  bench/procedures.py --base http://127.0.0.1:PORT --db DB --mode MODE --clients N --seconds S
                      [--warmup INSTANCES_PER_CLIENT] [--warmup-seconds W]

With --warmup-seconds the measured run follows W seconds of the same load (bench/run-all.sh commits: 15 s,
BENCH_WARMUP), so the figure is that of a warm server rather than of the JIT's first minute.

With --versus OTHER --rounds R the two modes take turns: R rounds of S/R seconds of MODE, then S/R seconds of
OTHER (each warmed up first as above), and one line per mode sums its rounds. A ratio of two figures taken
minutes apart moves with the shared machine's speed (±30 % between 20 s runs here); taken in turns, both
see the same machine (bench/run-all.sh decisions: the decision against GET /engine).

MODE: legal-review      start (submit-form as head1) + legal1 finds, claims and passes the review
      enforcement-case  intake to archive: 13 user tasks (legal review and direct service included)
      decision          POST /decision-definition/key/retention-class/evaluate (history: full)
      engine            GET /engine-rest/engine (HTTP + Basic authentication, nothing else)
      bare-review       bench/models/bench-review.bpmn on bench/bare-starter (the engine alone, its REST without
                        authentication): start with legal-review's three variables, then find, claim and complete
                        the one user task with its twelve: the same four requests as legal-review
Output: one line of key=value pairs (parsed by bench/run-all.sh)."""
import argparse
import datetime
import json
import subprocess
import threading
import time
import uuid

import requests

BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def variables(values):
    """Engine REST variables as Tasklist submits them: lists as Json, booleans, whole numbers as Long."""
    out = {}
    for name, value in values.items():
        if isinstance(value, bool):
            out[name] = {"value": value, "type": "Boolean"}
        elif isinstance(value, list):
            out[name] = {"value": json.dumps(value), "type": "Json"}
        elif isinstance(value, int):
            out[name] = {"value": value, "type": "Long"}
        else:
            out[name] = {"value": str(value), "type": "String"}
    return out


class Client:
    def __init__(self, base):
        self.base = base.rstrip("/") + "/engine-rest"
        self.sessions = {}
        self.requests = 0
        self.latencies = []

    def call(self, user, method, path, body=None, expect=(200, 204)):
        session = self.sessions.get(user)
        if session is None:
            session = self.sessions[user] = requests.Session()
            session.auth = (user, "demo")
        t0 = time.perf_counter()
        response = session.request(method, self.base + path, json=body)
        self.latencies.append(time.perf_counter() - t0)
        self.requests += 1
        if response.status_code not in expect:
            raise RuntimeError(f"{user} {method} {path} -> {response.status_code} {response.text[:400]}")
        return response.json() if response.content and response.headers.get("content-type", "").startswith("application/json") else None

    def find(self, user, instance, key):
        tasks = self.call(user, "GET", f"/task?processInstanceId={instance}&taskDefinitionKey={key}")
        if not tasks:
            raise RuntimeError(f"no open task {key} in {instance}")
        return tasks[0]

    def work(self, user, instance, key, values):
        """What a user does in Tasklist, minus the page loads: find the task, claim it, submit the form."""
        task = self.find(user, instance, key)
        if task.get("assignee") is None:
            self.call(user, "POST", f"/task/{task['id']}/claim", {"userId": user})
        self.call(user, "POST", f"/task/{task['id']}/submit-form", {"variables": variables(values)})

    def child(self, instance, key):
        children = self.call("admin", "GET", f"/process-instance?superProcessInstance={instance}&processDefinitionKey={key}")
        if not children:
            raise RuntimeError(f"no {key} called by {instance}")
        return children[0]["id"]


FINDINGS = dict({p: "CONFORMS" for p in ("findingBody", "findingOfficers", "findingAuthority", "findingFacts", "findingEvidence",
                                            "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments")},
                findingCrimeReferral="NO_REFERRAL", reviewOutcome="PASS", reviewOpinion="同意", extensionRequested=False)


def legal_review(c):
    started = c.call("head1", "POST", "/process-definition/key/legal-review/submit-form", {
        "businessKey": "bench-LR-" + uuid.uuid4().hex[:12],
        "variables": variables({"subject": "对某公司违法建设作出拆除决定", "investigators": "officer1,officer2", "reviewMaterials": "案卷一册"})})
    c.work("legal1", started["id"], "Task_ReviewLegality", FINDINGS)


def bare_review(c):
    started = c.call("admin", "POST", "/process-definition/key/bench-review/start", {
        "businessKey": "bench-BR-" + uuid.uuid4().hex[:12],
        "variables": variables({"subject": "对某公司违法建设作出拆除决定", "investigators": "officer1,officer2", "reviewMaterials": "案卷一册"})})
    task = c.find("admin", started["id"], "Task_ReviewLegality")
    c.call("admin", "POST", f"/task/{task['id']}/claim", {"userId": "legal1"})
    c.call("admin", "POST", f"/task/{task['id']}/complete", {"variables": variables(FINDINGS)})


def enforcement_case(c):
    now = datetime.datetime.now(BEIJING)
    today = now.date().isoformat()
    started = c.call("officer1", "POST", "/process-definition/key/enforcement-case/submit-form", {"variables": variables({
        "source": "INSPECTION", "partyName": "某某建材有限公司", "partyType": "LEGAL_PERSON", "partyAddress": "云和县某路 1 号",
        "cause": "未经许可擅自施工", "clueDescription": "巡查发现工地未办理施工许可"})})
    pi = started["id"]
    c.work("officer1", pi, "Task_ProposeFiling", {"caseNumber": f"云建立〔{now.year}〕B{uuid.uuid4().hex[:8]}号",
                                                  "filingFacts": "现场照片", "suspectedViolation": "《建筑法》第七条", "filingOpinion": "建议立案"})
    c.work("head1", pi, "Task_ApproveFiling", {"filingApproved": True, "filingApprovalOpinion": "同意立案"})
    c.work("head1", pi, "Task_AssignInvestigators", {"investigators": ["officer1", "officer2"]})
    # document work needs no audio-visual record (recording-requirement rule 10): no upload, no 24 h check
    c.work("officer1", pi, "Task_PlanActivity", {"activity": "DOCUMENT_WORK", "exemption": "NONE", "affectsLibertyLifeOrMajorProperty": False})
    c.work("officer1", pi, "Task_RecordActivity", {"activityOfficers": ["officer1", "officer2"], "credentialsShown": True,
                                                   "activityDate": today, "activityEndedAt": now.replace(microsecond=0).isoformat(),
                                                   "activityRecord": "文书制作记录", "moreActivities": False})
    c.work("officer1", pi, "Task_NotifyRights", {"rightsNoticeNumber": "云建告〔1〕号", "intendedPenalty": "罚款五万元",
                                                 "hearingRightGranted": True, "rightsNoticeServedOn": today})
    c.work("officer1", pi, "Task_RecordPartyResponse", {"hearingRequested": False, "partyStatement": "无异议",
                                                        "hearingWaiverDocument": "当事人书面放弃听证声明", "hearingWaiverReceivedOn": today})
    c.work("officer1", pi, "Task_DraftDecision", {"decisionSummary": "罚款五万元", "decisionType": "PENALTY", "penaltyContent": "罚款五万元",
                                                  "legalBasis": "《建筑法》第六十四条", "evidenceList": "笔录", "factorsConsidered": "首次违法",
                                                  "majorPublicInterest": False, "majorRightsAfterHearing": False,
                                                  "complexOrMultipleRelations": False, "requiredByLaw": True, "complexCase": False,
                                                  "serviceMethod": "DIRECT", "complianceDays": 15})
    c.work("legal1", c.child(pi, "legal-review"), "Task_ReviewLegality", FINDINGS)
    c.work("director1", pi, "Task_ApproveDecision", {"decisionApproved": True, "decisionNumber": "云建罚决〔1〕号", "approvalOpinion": "同意"})
    c.work("officer1", c.child(pi, "document-service"), "Task_ServeDirectly", {"served": True, "receiptSignedBy": "张三",
                                                                              "signerRelation": "RECIPIENT", "serviceDate": today,
                                                                              "servedBy": "officer1"})
    c.work("officer1", pi, "Task_CheckCompliance", {"complied": True, "complianceRecord": "已缴纳罚款"})
    c.work("head1", pi, "Task_CloseCase", {"closureReason": "EXECUTED", "closureReport": "结案报告"})
    c.work("records1", pi, "Task_ArchiveCase", {"archiveNumber": "A-" + uuid.uuid4().hex[:10]})


def decision(c):
    result = c.call("rules1", "POST", "/decision-definition/key/retention-class/evaluate", {"variables": variables({
        "activity": "ONSITE_INSPECTION", "usedAsEvidence": True, "involvesMoneyOrGoods": False, "disputeOrComplaint": False,
        "obstruction": False, "reviewOrLitigation": False, "massIncidentOrEmergency": False, "priorConflict": False,
        "otherLongTermReason": False})})
    if not result or "retentionClass" not in result[0]:
        raise RuntimeError(f"unexpected decision result {result}")


def engine(c):
    c.call("rules1", "GET", "/engine")


MODES = {"legal-review": legal_review, "enforcement-case": enforcement_case, "decision": decision, "engine": engine,
         "bare-review": bare_review}


def commits(db):
    if not db:
        return 0
    # a fresh snapshot: stats of other backends are flushed at least once a second while they work
    return int(subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-XAtc",
                                        f"select xact_commit from pg_stat_database where datname = '{db}'"]).strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--db", default="")
    parser.add_argument("--mode", choices=MODES, required=True)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=int, default=3, help="instances per client before measuring (one client)")
    parser.add_argument("--versus", choices=MODES, help="a second mode, measured in turns with MODE (--rounds)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--warmup-seconds", type=float, default=0,
                        help="then seconds of the same load (same mode, same clients) before measuring: a server runs "
                             "warm, and the JIT is still compiling the engine's paths for the first minute or so")
    args = parser.parse_args()

    errors = []

    def drive(procedure, clients, seconds):
        done = [0] * len(clients)
        deadline = time.perf_counter() + seconds

        def run(i):
            try:
                while time.perf_counter() < deadline and not errors:
                    procedure(clients[i])
                    done[i] += 1
            except Exception as e:  # noqa: BLE001 - reported, fails the run
                errors.append(str(e))

        t0 = time.perf_counter()
        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return done, time.perf_counter() - t0

    modes = [args.mode] + ([args.versus] if args.versus else [])
    for mode in modes:
        procedure = MODES[mode]
        warm = Client(args.base)
        for _ in range(args.warmup * args.clients):
            procedure(warm)
        if args.warmup_seconds > 0:
            drive(procedure, [Client(args.base) for _ in range(args.clients)], args.warmup_seconds)
    time.sleep(1.5)
    totals = {mode: {"clients": [], "done": 0, "elapsed": 0.0, "commits": 0} for mode in modes}
    for _ in range(max(1, args.rounds)):
        for mode in modes:
            procedure = MODES[mode]
            total = totals[mode]
            c0 = commits(args.db)
            clients = [Client(args.base) for _ in range(args.clients)]
            done, elapsed = drive(procedure, clients, args.seconds / max(1, args.rounds)) if not errors else ([0], 0.0)
            time.sleep(1.5)
            total["commits"] += commits(args.db) - 1 - c0  # minus the first psql's own transaction
            total["clients"] += clients
            total["done"] += sum(done)
            total["elapsed"] += elapsed
    for mode in modes:
        total = totals[mode]
        n, elapsed = total["done"], total["elapsed"]
        lat = sorted(x for c in total["clients"] for x in c.latencies)
        reqs = sum(c.requests for c in total["clients"])

        def pct(p):
            return 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else 0

        print(f"mode={mode} clients={args.clients} warmup_s={args.warmup_seconds:g} rounds={max(1, args.rounds)} instances={n} "
              f"seconds={elapsed:.1f} per_s={n / max(elapsed, 1e-9):.1f} "
              f"requests_per_instance={reqs / max(n, 1):.1f} commits_per_instance={total['commits'] / max(n, 1):.1f} "
              f"p50_ms={pct(0.5):.0f} p95_ms={pct(0.95):.0f} errors={len(errors)}" + (f" first_error={errors[0]!r}" if errors else ""))
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
