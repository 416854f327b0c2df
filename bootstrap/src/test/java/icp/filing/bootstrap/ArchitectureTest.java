package icp.filing.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "icp.filing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Bean definitions Micronaut generates at compile time (named $…) are framework code by design. */
    private static final DescribedPredicate<JavaClass> WRITTEN_BY_US =
            DescribedPredicate.describe("written by us", c -> !c.getSimpleName().startsWith("$")
                    && !c.getName().contains(".$"));

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes()
            .that().resideInAPackage("icp.filing.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("icp.filing.domain..", "java..", "com.ibm.icu..")
            .because("the domain holds the rules and must outlive every framework choice; ICU4J is Unicode's own "
                    + "reference library, not a framework, and the only way to judge look-alike names (UTS #39) as "
                    + "browsers do");

    @ArchTest
    static final ArchRule applicationUsesNoAdapterTechnology = classes()
            .that().resideInAPackage("icp.filing.application..").and(WRITTEN_BY_US)
            .should().onlyDependOnClassesThat().resideInAnyPackage("icp.filing.application..", "icp.filing.domain..",
                    "java..", "jakarta.inject..", "jakarta.transaction..")
            .because("use cases talk to the world through ports, so adapters can be replaced and tested apart");

    @ArchTest
    static final ArchRule innerLayersDoNotKnowAdapters = noClasses()
            .that().resideInAnyPackage("icp.filing.domain..", "icp.filing.application..")
            .should().dependOnClassesThat().resideInAnyPackage("icp.filing.adapters..", "icp.filing.bootstrap..")
            .because("dependencies point inwards only");

    @ArchTest
    static final ArchRule onlyTheGrpcAdaptersSeeProtobufContracts = noClasses()
            .that().resideOutsideOfPackages("icp.filing.adapters.grpc..", "icp.filing.adapters.ministry..",
                    "icp.filing.proto..")
            .should().dependOnClassesThat().resideInAnyPackage("icp.filing.proto..", "com.google.protobuf..")
            .because("protobuf messages are the wire format of the provider API and the ministry tier and stop at "
                    + "the adapters that speak gRPC");

    @ArchTest
    static final ArchRule adaptersStayApart = slices().matching("icp.filing.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only in the application's ports, so each can be replaced alone");

    @ArchTest
    static final ArchRule persistenceRowsStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("icp.filing.adapters.persistence..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Row")
            .because("persistence rows never reach the application layer or other adapters");
}
