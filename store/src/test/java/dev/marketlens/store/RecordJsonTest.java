package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  private static final String BEFORE =
      """
      {"a":"x","n":{"price":100.00,"flag":true,"gone":"y"},"list":[{"v":1},{"v":2}],"z":null}""";

  @Test
  @DisplayName("every scalar is a field by its path; nulls and empty containers are absent")
  void flatten_names_every_scalar_by_path() {
    assertThat(RecordJson.flatten(BEFORE).keySet())
        .containsExactly("a", "list[0].v", "list[1].v", "n.flag", "n.gone", "n.price");
  }

  @Test
  @DisplayName("the diff names each changed, added and removed field with from and to")
  void diff_lists_changed_fields() {
    String after =
        """
        {"a":"x","n":{"price":120.00,"flag":true},"list":[{"v":1},{"v":3}],"new":"w"}""";
    assertThat(RecordJson.diff(RecordJson.flatten(BEFORE), RecordJson.flatten(after)))
        .isEqualTo(
            "{\"list[1].v\":{\"from\":2,\"to\":3},\"n.gone\":{\"from\":\"y\"},"
                + "\"n.price\":{\"from\":100.00,\"to\":120.00},\"new\":{\"to\":\"w\"}}");
  }

  @Test
  @DisplayName("equal records, whatever their key order and spacing, have no diff")
  void equal_records_have_no_diff() {
    String reordered =
        """
        { "list":[{"v":1},{"v":2}], "n":{"gone":"y","flag":true,"price":100.00}, "a":"x" }""";
    assertThat(RecordJson.diff(RecordJson.flatten(BEFORE), RecordJson.flatten(reordered))).isNull();
  }

  @Test
  @DisplayName("a redaction rewrites the named paths of a record, and both sides of a diff entry")
  void redact_records_and_diffs() {
    String record =
        """
        {"c":{"email":"ada@acme.io","name":"Ada"},"price":1}""";
    assertThat(RecordJson.redact(record, Set.of("c.email")))
        .isEqualTo("{\"c\":{\"email\":\"RTBF\",\"name\":\"Ada\"},\"price\":1}");
    String diff =
        """
        {"c.email":{"from":"ada@acme.io","to":"ada.l@acme.io"},"price":{"from":1,"to":2}}""";
    assertThat(RecordJson.redact(diff, Set.of("c.email")))
        .isEqualTo(
            "{\"c.email\":{\"from\":\"RTBF\",\"to\":\"RTBF\"},\"price\":{\"from\":1,\"to\":2}}");
  }

  @Test
  @DisplayName("unflatten is the inverse of flatten: nested objects and arrays come back")
  void unflatten_inverts_flatten() {
    var fields = RecordJson.flatten(BEFORE);
    assertThat(RecordJson.flatten(RecordJson.unflatten(fields))).isEqualTo(fields);
  }

  @Test
  @DisplayName("fields a format cannot carry are kept from the stored record, nothing else is")
  void unknown_fields_are_kept() {
    var before =
        RecordJson.flatten(
            """
        {"a":"x","only":{"json":[1,2]},"gone":"y"}""");
    var after =
        RecordJson.flatten(
            """
        {"a":"x"}""");

    assertThat(RecordJson.keepUnknown(before, after, java.util.List.of("only"))).isTrue();
    assertThat(after.keySet()).containsExactly("a", "only.json[0]", "only.json[1]");
    assertThat(RecordJson.keepUnknown(before, after, java.util.List.of("on"))).isFalse();
  }
}
