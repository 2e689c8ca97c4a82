package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a list page (spec §6)")
class ListPageTest {

  private static ListPage read(String body) throws IOException {
    return ListPage.read(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "licenses", "page");
  }

  @Test
  @DisplayName("records are copied with their numbers as written, and _links.next is found")
  void recordsAndNext() throws IOException {
    ListPage p =
        read(
            "{\"_links\":{\"self\":{\"href\":\"/s\"},\"next\":{\"href\":\"/n?offset=50\"}},"
                + "\"licenses\":[{\"a\":496.19,\"b\":40.0},{\"a\":0.1}],\"totalCount\":3}");
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.next()).isEqualTo("/n?offset=50");
    assertThat(new String(p.records(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":496.19,\"b\":40.0},{\"a\":0.1}");
  }

  @Test
  @DisplayName("the last page has _links without next")
  void lastPage() throws IOException {
    ListPage p = read("{\"_links\":{\"self\":{\"href\":\"/s\"}},\"licenses\":[]}");
    assertThat(p.hasLinks()).isTrue();
    assertThat(p.next()).isNull();
    assertThat(p.count()).isZero();
    assertThat(p.records()).isEmpty();
  }

  @Test
  @DisplayName("a body cut short or with a gateway page appended is damaged")
  void damaged() {
    assertThatThrownBy(() -> read("{\"licenses\":[{\"a\":1},"))
        .isInstanceOf(Transport.DamagedBody.class);
    assertThatThrownBy(() -> read("{\"licenses\":[]}<html>502</html>"))
        .isInstanceOf(Transport.DamagedBody.class);
    assertThatThrownBy(() -> read("{\"_links\":{}}"))
        .isInstanceOf(Transport.DamagedBody.class)
        .hasMessageContaining("no licenses");
  }
}
