package dev.nsbridge.netsuite.check;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.governance.GovernanceReading;
import dev.nsbridge.netsuite.governance.LoginGuard;
import dev.nsbridge.netsuite.governance.LoginGuardState;
import dev.nsbridge.netsuite.http.ErrorCodes;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The prerequisites of one NetSuite account, each with the fix for a failure. The first request is the lockout
 * guard's allowed check attempt; once the credentials fail nothing else is sent, so a check never spends more
 * than one login.
 */
public final class NetSuiteCheck {
    static final String CREDENTIALS = "credentials accepted";
    static final String SUITEQL = "role can run SuiteQL";
    static final String GOVERNANCE = "role can read governance limits";
    static final String BUDGET = "concurrency budget";
    static final String GUARD = "lockout guard";
    private static final String PROBE = "SELECT id FROM customer";

    private final NetSuiteClient client;

    public NetSuiteCheck(NetSuiteClient client) {
        this.client = client;
    }

    public CheckReport run() {
        List<CheckStep> steps = new ArrayList<>();
        LoginGuardState before = client.loginGuard().state();
        GovernanceReading governance;
        try {
            governance = client.governance(true);
            steps.add(CheckStep.passed(CREDENTIALS, "NetSuite accepted the " + client.connection().auth().method()
                    + " credentials"));
        } catch (NsbridgeException refused) {
            steps.add(CheckStep.failed(CREDENTIALS, refused.getMessage(), credentialsFix(refused)));
            for (String skipped : List.of(SUITEQL, GOVERNANCE, BUDGET)) {
                steps.add(CheckStep.skipped(skipped, "the credentials did not work"));
            }
            steps.add(guardStep(before));
            return new CheckReport(client.connection().accountId().value(), steps);
        }
        steps.add(suiteQlStep());
        steps.add(governance.limits().isPresent()
                ? CheckStep.passed(GOVERNANCE, "governanceLimits: " + governance.limits().get().describe())
                : CheckStep.warned(GOVERNANCE, governance.unreadableBecause().orElse("not readable"),
                        "only an administrator role may read governanceLimits; nsbridge uses the configured"
                                + " concurrency (" + client.connection().concurrency() + "): set it to the account's"
                                + " limit (Setup > Integration > Integration Management > Integration Governance)"));
        steps.add(CheckStep.passed(BUDGET, governance.budget().describe()));
        steps.add(guardStep(before));
        return new CheckReport(client.connection().accountId().value(), steps);
    }

    private CheckStep suiteQlStep() {
        try {
            client.suiteQl().checkPage(SuiteQlQuery.of(PROBE));
            return CheckStep.passed(SUITEQL, "ran " + PROBE);
        } catch (NsbridgeException refused) {
            return CheckStep.failed(SUITEQL, refused.getMessage(), "give the token's role the \"REST Web Services\""
                    + " and \"SuiteAnalytics Workbook\" permissions, and View on Lists > Customers (Setup >"
                    + " Users/Roles > Manage Roles)");
        }
    }

    private CheckStep guardStep(LoginGuardState before) {
        LoginGuardState state = client.loginGuard().state();
        // Said whenever the guard held at the start: the user must know this check spent one of NetSuite's five.
        String attempt = before.tripped() && before.checkMayTry() ? "; it held after "
                + before.consecutiveFailures() + " failed logins, and this check made one of the attempts it allows"
                + " below " + LoginGuard.CHECK_BELOW : "";
        String audit = "NetSuite shows why each login failed in Setup > Users/Roles > User Management > View Login"
                + " Audit Trail";
        if (state.tripped() && state.checkMayTry()) {
            int left = state.attemptsLeft();
            return CheckStep.failed(GUARD, "nsbridge stopped calling the account after " + state.consecutiveFailures()
                    + " consecutive failed logins" + attempt + "; " + left + " attempt" + (left == 1 ? "" : "s")
                    + " left before NetSuite's lockout at " + LoginGuard.NETSUITE_LOCKS_AT + ": `nsbridge check` may"
                    + " try " + (left == 1 ? "once" : left + " times") + state.nextAttemptAt().map(t -> ", a run once"
                    + " at " + t).orElse(""), "fix the credentials, then run `nsbridge check`; " + audit);
        }
        if (state.tripped()) {
            return CheckStep.failed(GUARD, "nsbridge stopped calling the account after " + state.consecutiveFailures()
                    + " consecutive failed logins" + attempt + "; no attempts left: not even `nsbridge check` tries,"
                    + " however long you wait, since one more failure would lock the user (NetSuite locks at "
                    + LoginGuard.NETSUITE_LOCKS_AT + ")", "fix the credentials; once the user logs in to NetSuite"
                    + " successfully (or an administrator unlocks the user), clear the count (kept in "
                    + state.where() + ") with `nsbridge check --reset-login-guard`; " + audit);
        }
        if (state.consecutiveFailures() > 0) {
            return CheckStep.warned(GUARD, state.consecutiveFailures() + " consecutive failed login(s); nsbridge"
                    + " stops runs at " + LoginGuard.STOP_AFTER + " and everything at " + LoginGuard.CHECK_BELOW
                    + ", before NetSuite locks the user at " + LoginGuard.NETSUITE_LOCKS_AT, "fix the credentials,"
                    + " then run `nsbridge check`");
        }
        return CheckStep.passed(GUARD, "no failed logins since the last success");
    }

    private String credentialsFix(NsbridgeException refused) {
        if (ErrorCodes.LOGIN_GUARD.equals(refused.code())) {
            return refused.fix().orElse(null);
        }
        if (!ErrorCodes.INVALID_LOGIN.equals(refused.code())) {
            return refused.fix().orElse("check the network path to " + client.connection().baseUrl());
        }
        String common = "; NetSuite shows why in Setup > Users/Roles > User Management > View Login Audit Trail";
        if ("oauth2".equals(client.connection().auth().method())) {
            return "enable OAuth 2.0 under Setup > Company > Enable Features > SuiteCloud > Manage Authentication,"
                    + " check the integration record's Client Credentials (Machine to Machine) grant, and map the"
                    + " certificate to the user and role under Setup > Integration > OAuth 2.0 Client Credentials"
                    + " (M2M) Setup" + common;
        }
        return "enable Token Based Authentication under Setup > Company > Enable Features > SuiteCloud > Manage"
                + " Authentication, check the integration record's consumer key and secret, and create the access"
                + " token under Setup > Users/Roles > Access Tokens for a role with \"Log in using Access Tokens\""
                + " and \"REST Web Services\"; the account id must be written as NetSuite does (e.g. 1234567_SB1)"
                + common;
    }
}
