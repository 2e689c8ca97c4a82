package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {

  @Test
  void an_external_database_needs_a_postgresql_jdbc_url() {
    assertThatThrownBy(() -> Database.external("jdbc:h2:mem:test"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("PostgreSQL JDBC URL")
        .hasMessageContaining("jdbc:h2:mem:test");
  }

  @Test
  void messages_never_show_the_password_of_a_url() {
    assertThat(Database.redacted("jdbc:postgresql://db/ml?user=ml&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/ml?user=ml&password=***&ssl=true");
  }

  @Test
  void an_unreachable_external_database_fails_with_its_url_and_no_password() {
    assertThatThrownBy(
            () -> Database.external("jdbc:postgresql://127.0.0.1:1/ml?user=ml&password=s3cret"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/ml")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void an_embedded_port_outside_the_tcp_range_is_refused_before_anything_starts() {
    assertThatThrownBy(() -> Database.embedded(java.nio.file.Path.of("unused"), 70_000))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("got 70000");
  }
}
