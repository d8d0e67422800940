package dev.nsbridge.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.nsbridge.app.extract.ExtractPlanner;
import dev.nsbridge.app.pipeline.PipelineCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pipelines come from one place: the commands, the demo and the server all ask {@link PipelineCatalog}, so a
 * pipeline runs the same whoever starts it. This holds that against the compiled classes: opening a pipeline's ends
 * from the workspace or planning an extract anywhere else names the class that does it.
 */
final class OnePipelineCatalogTest {
    private static final String CATALOG = PipelineCatalog.class.getPackageName();
    /** What the workspace builds a pipeline's ends and flows with. */
    private static final Set<String> PIPELINE_PARTS = Set.of("source", "warehouse", "flowPipeline");

    @Test
    void shouldBuildPipelinesOnlyInThePipelineCatalog() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.nsbridge.app");
        assertThat(main.contain(PipelineCatalog.class)).isTrue();

        EvaluationResult result = noClasses().that().resideOutsideOfPackage(CATALOG)
                .and().doNotBelongToAnyOf(Workspace.class)
                .should().callMethodWhere(DescribedPredicate.describe("Workspace.source, warehouse or flowPipeline",
                        (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Workspace.class)
                                && PIPELINE_PARTS.contains(call.getName())))
                .orShould().callConstructorWhere(DescribedPredicate.describe("new ExtractPlanner",
                        (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(ExtractPlanner.class)))
                .because("every pipeline comes from the pipeline catalog").evaluate(main);

        assertThat(result.hasViolation()).as(() -> String.join("\n", result.getFailureReport().getDetails()))
                .isFalse();
    }
}
