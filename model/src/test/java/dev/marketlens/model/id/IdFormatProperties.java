package dev.marketlens.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each identifier format accepts exactly what its regular expression in spec §1.2 accepts. */
class IdFormatProperties {

  @Property(tries = 5000)
  @Label("numeric ids: \\d+")
  void numeric(@ForAll("ids") String id) {
    agrees(IdFormat.NUMERIC, "\\d+", id);
  }

  @Property(tries = 5000)
  @Label("UUIDs: 8-4-4-4-12 hexadecimal digits")
  void uuid(@ForAll("uuids") String id) {
    agrees(IdFormat.UUID, "[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", id);
    agrees(IdFormat.NUMERIC_OR_UUID, "\\d+|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", id);
  }

  @Property(tries = 5000)
  @Label("SENs: SEN- then alphanumeric groups joined by single hyphens")
  void sen(@ForAll("ids") String id) {
    agrees(IdFormat.SEN, "SEN-[A-Za-z0-9]+(-[A-Za-z0-9]+)*", id);
    agrees(IdFormat.SEN, "SEN-[A-Za-z0-9]+(-[A-Za-z0-9]+)*", "SEN-" + id);
  }

  @Property(tries = 5000)
  @Label("entitlement numbers: E- then alphanumeric groups joined by single hyphens")
  void entitlementNumber(@ForAll("ids") String id) {
    agrees(IdFormat.ENTITLEMENT_NUMBER, "E-[A-Za-z0-9]+(-[A-Za-z0-9]+)*", "E-" + id);
  }

  @Property(tries = 5000)
  @Label("transaction ids: letters, then groups of a hyphen and letters and digits")
  void transaction(@ForAll("ids") String id) {
    agrees(IdFormat.TRANSACTION, "[A-Za-z]+(-[A-Za-z0-9]+)+", id);
    agrees(IdFormat.TRANSACTION, "[A-Za-z]+(-[A-Za-z0-9]+)+", "AT" + id);
  }

  @Property(tries = 5000)
  @Label("app keys: \\S+")
  void noWhitespace(@ForAll("ids") String id) {
    agrees(IdFormat.NO_WHITESPACE, "\\S+", id);
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("aZ09-ESN \t\n\u000B\f\r.é").ofMaxLength(12);
  }

  /** A UUID, possibly with one character replaced, one removed or one added. */
  @Provide
  Arbitrary<String> uuids() {
    Arbitrary<String> valid =
        Arbitraries.longs().tuple2().map(t -> new java.util.UUID(t.get1(), t.get2()).toString());
    Arbitrary<Character> other = Arbitraries.of('0', 'F', 'g', '-', ' ');
    return Combinators.combine(
            valid, Arbitraries.integers().between(0, 35), other, Arbitraries.of(0, 1, 2, 3))
        .as(
            (uuid, at, c, edit) ->
                switch (edit) {
                  case 0 -> uuid;
                  case 1 -> uuid.substring(0, at) + c + uuid.substring(at + 1);
                  case 2 -> uuid.substring(0, at) + uuid.substring(at + 1);
                  default -> uuid.substring(0, at) + c + uuid.substring(at);
                });
  }

  private static void agrees(Predicate<String> format, String regex, String id) {
    assertThat(format.test(id)).as("%s against /%s/", id, regex).isEqualTo(id.matches(regex));
  }
}
