package dev.marketlens.e2e;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitCallTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module rules of docs/architecture.md, checked against the production classes of every module
 * on this module's test classpath (test code, e2e and bench are not part of the import).
 */
class ArchitectureTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.marketlens");

  /** Pure computation: no framework, no I/O, no system clock, no unseeded randomness. */
  private static final String[] PURE = {
    "dev.marketlens.model..",
    "dev.marketlens.metrics..",
    "dev.marketlens.payouts..",
    "dev.marketlens.emulator.world..",
    "dev.marketlens.emulator.commerce..",
    "dev.marketlens.emulator.quirks.."
  };

  /** The only places where Spring may appear. */
  private static final String[] SPRING_ALLOWED = {
    "dev.marketlens.emulator.reporting..", "dev.marketlens.web..", "dev.marketlens.app.."
  };

  /** The platform's modules, which the emulator must not know about. */
  private static final String[] PLATFORM = {
    "dev.marketlens.model..",
    "dev.marketlens.store..",
    "dev.marketlens.sync..",
    "dev.marketlens.metrics..",
    "dev.marketlens.payouts..",
    "dev.marketlens.web..",
    "dev.marketlens.app.."
  };

  private static final String[] FRAMEWORK_JDBC_NETWORK_FILES = {
    "org.springframework..",
    "java.sql..",
    "javax.sql..",
    "java.net..",
    "java.net.http..",
    "java.nio.file.."
  };

  private static final String[] FRAMEWORK_JDBC_FILES = {
    "org.springframework..", "java.sql..", "javax.sql..", "java.nio.file.."
  };

  private static final Class<?>[] FILE_CLASSES = {
    File.class,
    FileInputStream.class,
    FileOutputStream.class,
    FileReader.class,
    FileWriter.class,
    RandomAccessFile.class
  };

  /** Modules whose classes are not on this module's test classpath. */
  private static final Set<String> NOT_IMPORTED_MODULES = Set.of("e2e", "bench");

  @Test
  @DisplayName(
      "pure packages (model, metrics, payouts, emulator world, commerce and quirks) use no Spring, JDBC,"
          + " network or files")
  void purePackagesUseNoFrameworkJdbcNetworkOrFiles() {
    doesNotDependOn(FRAMEWORK_JDBC_NETWORK_FILES, PURE).check(PRODUCTION);
  }

  @Test
  @DisplayName(
      "pure packages never read the system clock and use only seeded randomness: time is a"
          + " parameter or an injected Clock")
  void purePackagesUseNoSystemClockAndNoUnseededRandomness() {
    noSystemClockOrUnseededRandomness(PURE).check(PRODUCTION);
  }

  @Test
  @DisplayName("the emulator's wire package uses no Spring, JDBC or files")
  void wireUsesNoFrameworkJdbcOrFiles() {
    doesNotDependOn(FRAMEWORK_JDBC_FILES, "dev.marketlens.emulator.wire..").check(PRODUCTION);
  }

  @Test
  @DisplayName("Spring appears only in emulator.reporting, web and app")
  void springOnlyAtTheEdges() {
    noClasses()
        .that()
        .resideInAPackage("dev.marketlens..")
        .and()
        .resideOutsideOfPackages(SPRING_ALLOWED)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("frameworks live at the edges; everything else starts without Spring")
        .check(PRODUCTION);
  }

  @Test
  @DisplayName("the emulator depends on no platform module")
  void emulatorSharesNoCodeWithThePlatform() {
    noClasses()
        .that()
        .resideInAPackage("dev.marketlens.emulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PLATFORM)
        .because("a field misread on one side must not be mirrored on the other (docs/adr/0003)")
        .check(PRODUCTION);
  }

  @Test
  @DisplayName("no platform module depends on the emulator, except app, the composition root")
  void platformDoesNotDependOnTheEmulator() {
    noClasses()
        .that()
        .resideInAPackage("dev.marketlens..")
        .and()
        .resideOutsideOfPackages(
            "dev.marketlens.emulator..",
            "dev.marketlens.app..",
            "dev.marketlens.e2e..",
            "dev.marketlens.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.marketlens.emulator..")
        .because("the platform parses Atlassian's formats with its own code (docs/adr/0003)")
        .allowEmptyShould(true)
        .check(PRODUCTION);
  }

  @Test
  @DisplayName("the emulator's packages (wire, commerce, world, …) have no cycles")
  void emulatorPackagesAreFreeOfCycles() {
    slices().matching("dev.marketlens.emulator.(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  @DisplayName("the modules have no cycles")
  void modulesAreFreeOfCycles() {
    slices().matching("dev.marketlens.(*)..").should().beFreeOfCycles().check(PRODUCTION);
  }

  @Test
  @DisplayName("every source package under */src/main/java has a package-info.java")
  void everySourcePackageHasAPackageInfo() {
    List<Path> packages = sourcePackageDirectories(Set.of());
    assertThat(packages).as("source packages found from %s", repositoryRoot()).isNotEmpty();
    assertThat(packages)
        .filteredOn(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
        .as("source packages without package-info.java")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "the rules see the compiled classes of every source package on the classpath, so none"
          + " passes vacuously")
  void theImportSeesEveryProductionPackage() {
    Set<String> expected = new TreeSet<>();
    for (Path dir : sourcePackageDirectories(NOT_IMPORTED_MODULES)) {
      if (containsClassSource(dir)) {
        expected.add(packageName(dir));
      }
    }
    Set<String> imported =
        PRODUCTION.stream().map(JavaClass::getPackageName).collect(toCollection(TreeSet::new));
    assertThat(expected).as("source packages with classes").isNotEmpty();
    assertThat(imported)
        .as(
            "packages imported from the classpath (a dependency missing from e2e/pom.xml, or a"
                + " repackaged jar in place of a module's plain jar, hides its classes)")
        .containsAll(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      classes = {
        Fixtures.ReadsTheSystemClock.class,
        Fixtures.ReadsTheSystemClockInAZone.class,
        Fixtures.ReadsMillis.class,
        Fixtures.UsesTheSystemClock.class,
        Fixtures.RollsUnseededDice.class,
        Fixtures.UsesMathRandom.class,
        Fixtures.UsesThreadLocalRandom.class,
        Fixtures.MakesRandomUuids.class
      })
  @DisplayName("the clock and randomness rule catches each forbidden call")
  void clockAndRandomnessRuleCatchesViolations(Class<?> violator) {
    JavaClasses classes = new ClassFileImporter().importClasses(violator);
    assertThat(
            noSystemClockOrUnseededRandomness("dev.marketlens.e2e..")
                .evaluate(classes)
                .hasViolation())
        .isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      classes = {
        Fixtures.ReadsAFile.class,
        Fixtures.OpensAFileStream.class,
        Fixtures.UsesJdbc.class,
        Fixtures.UsesTheNetwork.class
      })
  @DisplayName("the purity rule catches files, JDBC and network")
  void purityRuleCatchesViolations(Class<?> violator) {
    JavaClasses classes = new ClassFileImporter().importClasses(violator);
    assertThat(
            doesNotDependOn(FRAMEWORK_JDBC_NETWORK_FILES, "dev.marketlens.e2e..")
                .evaluate(classes)
                .hasViolation())
        .isTrue();
  }

  @Test
  @DisplayName("an injected Clock and a seeded Random pass the purity rules")
  void wellBehavedCodePasses() {
    JavaClasses classes = new ClassFileImporter().importClasses(Fixtures.WellBehaved.class);
    assertThat(
            noSystemClockOrUnseededRandomness("dev.marketlens.e2e..")
                .evaluate(classes)
                .hasViolation())
        .isFalse();
    assertThat(
            doesNotDependOn(FRAMEWORK_JDBC_NETWORK_FILES, "dev.marketlens.e2e..")
                .evaluate(classes)
                .hasViolation())
        .isFalse();
  }

  // ---------------------------------------------------------------------------------------------
  // Rules

  private static ArchRule doesNotDependOn(String[] forbiddenPackages, String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat(resideInAnyPackage(forbiddenPackages).or(belongToAnyOf(FILE_CLASSES)))
        .because("pure code takes its inputs as values and leaves I/O to the edges")
        .allowEmptyShould(true);
  }

  private static ArchRule noSystemClockOrUnseededRandomness(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
        .orShould()
        .callCodeUnitWhere(UNSEEDED_RANDOMNESS)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(ThreadLocalRandom.class, SecureRandom.class)
        .because(
            "a world is a function of its seed and its clock (docs/adr/0005): time is a parameter"
                + " or an injected Clock, randomness a seeded generator")
        .allowEmptyShould(true);
  }

  private static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK =
      DescribedPredicate.describe(
          "read the system clock (now() without a Clock, Clock.system*(),"
              + " System.currentTimeMillis(), System.nanoTime())",
          call -> readsTheSystemClock(call.getTarget()));

  private static final DescribedPredicate<JavaCall<?>> UNSEEDED_RANDOMNESS =
      DescribedPredicate.describe(
          "use unseeded randomness (new Random(), new SplittableRandom(), Math.random(),"
              + " UUID.randomUUID(), RandomGenerator.getDefault())",
          call -> usesUnseededRandomness(call.getTarget()));

  private static boolean readsTheSystemClock(CodeUnitCallTarget target) {
    String owner = target.getOwner().getName();
    String name = target.getName();
    List<String> parameters = parameterTypeNames(target);
    if (owner.startsWith("java.time.") && name.equals("now")) {
      return !parameters.equals(List.of("java.time.Clock"));
    }
    if (owner.equals("java.time.Clock")) {
      return name.startsWith("system");
    }
    if (owner.equals("java.time.InstantSource")) {
      return name.equals("system");
    }
    if (owner.equals("java.lang.System")) {
      return name.equals("currentTimeMillis") || name.equals("nanoTime");
    }
    return false;
  }

  private static boolean usesUnseededRandomness(CodeUnitCallTarget target) {
    String owner = target.getOwner().getName();
    String name = target.getName();
    boolean noArguments = target.getRawParameterTypes().isEmpty();
    switch (owner) {
      case "java.util.Random":
      case "java.util.SplittableRandom":
        return name.equals("<init>") && noArguments;
      case "java.lang.Math":
      case "java.lang.StrictMath":
        return name.equals("random");
      case "java.util.UUID":
        return name.equals("randomUUID");
      case "java.util.random.RandomGenerator":
        return name.equals("getDefault") || name.equals("of");
      case "java.util.random.RandomGeneratorFactory":
        return name.equals("create") && noArguments;
      default:
        return false;
    }
  }

  private static List<String> parameterTypeNames(CodeUnitCallTarget target) {
    return target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // The source tree

  /** The directory holding {@code mvnw}, found upwards from the working directory (e2e/). */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir)
        .as("repository root (a directory with mvnw) above the working directory")
        .isNotNull();
    return dir;
  }

  /** Directories under any module's src/main/java that directly contain a .java file. */
  private static List<Path> sourcePackageDirectories(Set<String> excludedModules) {
    Path root = repositoryRoot();
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .filter(module -> !excludedModules.contains(module.getFileName().toString()))
          .map(module -> module.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .sorted()
          .flatMap(ArchitectureTest::directoriesWithJavaFiles)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> directoriesWithJavaFiles(Path sourceRoot) {
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".java"))
          .map(Path::getParent)
          .distinct()
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean containsClassSource(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(file -> file.getFileName().toString())
          .anyMatch(name -> name.endsWith(".java") && !name.equals("package-info.java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code app/src/main/java/dev/marketlens/app} → {@code dev.marketlens.app}. */
  private static String packageName(Path dir) {
    Path current = dir;
    while (!(current.getFileName().toString().equals("java")
        && current.getParent().getFileName().toString().equals("main")
        && current.getParent().getParent().getFileName().toString().equals("src"))) {
      current = current.getParent();
    }
    return current.relativize(dir).toString().replace(File.separatorChar, '.');
  }

  // ---------------------------------------------------------------------------------------------
  // Known violations, to show that the rules above can fail

  @SuppressWarnings("unused")
  static final class Fixtures {
    private Fixtures() {}

    static final class ReadsTheSystemClock {
      LocalDate today() {
        return LocalDate.now();
      }
    }

    static final class ReadsTheSystemClockInAZone {
      YearMonth thisMonth() {
        return YearMonth.now(java.time.ZoneOffset.UTC);
      }
    }

    static final class ReadsMillis {
      long millis() {
        return System.currentTimeMillis();
      }
    }

    static final class UsesTheSystemClock {
      Instant now() {
        return Instant.now(Clock.systemUTC());
      }
    }

    static final class RollsUnseededDice {
      int roll() {
        return new Random().nextInt(6);
      }
    }

    static final class UsesMathRandom {
      double roll() {
        return Math.random();
      }
    }

    static final class UsesThreadLocalRandom {
      int roll() {
        return ThreadLocalRandom.current().nextInt(6);
      }
    }

    static final class MakesRandomUuids {
      UUID id() {
        return UUID.randomUUID();
      }
    }

    static final class ReadsAFile {
      byte[] read() throws IOException {
        return Files.readAllBytes(Path.of("world.json"));
      }
    }

    static final class OpensAFileStream {
      FileInputStream open() throws IOException {
        return new FileInputStream("world.json");
      }
    }

    static final class UsesJdbc {
      void close(Connection connection) throws java.sql.SQLException {
        connection.close();
      }
    }

    static final class UsesTheNetwork {
      java.net.URI api() {
        return java.net.URI.create("https://marketplace.atlassian.com");
      }
    }

    static final class WellBehaved {
      LocalDate today(Clock clock) {
        return LocalDate.now(clock);
      }

      int roll(long seed) {
        return new Random(seed).nextInt(6);
      }
    }
  }
}
