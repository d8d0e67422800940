package dev.nsbridge.netsuite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.netsuite.governance.ConcurrencyBudget.Source;
import org.junit.jupiter.api.Test;

final class ConcurrencyBudgetTest {
    private final ObjectMapper json = new ObjectMapper();

    private ConcurrencyBudget budget(String answer) {
        return ConcurrencyBudget.fromLimits(GovernanceLimits.parse(answer, json), 5, 1);
    }

    @Test
    void shouldUseTheIntegrationsOwnLimitWhenAnAdminReservedOne() {
        ConcurrencyBudget budget = budget("{\"accountConcurrencyLimit\":5,\"accountUnallocatedConcurrencyLimit\":3,"
                + "\"integrationConcurrencyLimit\":2,\"integrationLimitType\":\"integrationSpecific\"}");

        assertThat(budget.permits()).isEqualTo(2);
        assertThat(budget.source()).isEqualTo(Source.INTEGRATION_LIMIT);
    }

    @Test
    void shouldLeaveTheReserveOfTheUnallocatedPoolForOtherIntegrations() {
        ConcurrencyBudget budget = budget("{\"accountConcurrencyLimit\":15,\"accountUnallocatedConcurrencyLimit\":10,"
                + "\"integrationLimitType\":\"accountLimit\"}");

        assertThat(budget.permits()).isEqualTo(9);
        assertThat(budget.source()).isEqualTo(Source.ACCOUNT_UNALLOCATED_LIMIT);
        assertThat(budget.describe()).contains("9 requests at once", "accountUnallocatedConcurrencyLimit",
                "minus 1 reserved");
    }

    @Test
    void shouldFallBackToTheAccountLimitWhenNoUnallocatedFigureIsGiven() {
        ConcurrencyBudget budget = budget("{\"accountConcurrencyLimit\":\"20\",\"integrationLimitType\":\"accountLimit\"}");

        assertThat(budget.permits()).isEqualTo(19);
        assertThat(budget.source()).isEqualTo(Source.ACCOUNT_LIMIT);
    }

    @Test
    void shouldUseTheConfiguredConcurrencyAndNeverGoBelowOne() {
        assertThat(budget("{}").source()).isEqualTo(Source.CONFIGURED);
        assertThat(budget("{}").permits()).isEqualTo(4);
        assertThat(ConcurrencyBudget.configured(1, 1).permits()).isEqualTo(1);
    }

    @Test
    void shouldShrinkTheGateWithoutCuttingRequestsInFlight() throws Exception {
        ConcurrencyGate gate = new ConcurrencyGate(3);
        gate.acquire();
        gate.acquire();

        gate.resize(1);
        gate.release();

        assertThat(gate.inFlight()).isEqualTo(1);
        gate.release();
        gate.acquire();
        assertThat(gate.inFlight()).isEqualTo(1);
        assertThat(gate.size()).isEqualTo(1);
    }
}
