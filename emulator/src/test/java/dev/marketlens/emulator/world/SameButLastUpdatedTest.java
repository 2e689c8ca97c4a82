package dev.marketlens.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A change that alters any field but {@code lastUpdated} must make a new version: the comparison
 * that decides it has to look at every component, including ones added to the records later.
 */
@DisplayName("W6: a record version differs from the previous one in more than lastUpdated")
class SameButLastUpdatedTest {

  @Test
  @DisplayName("every license component except lastUpdated takes part in the version comparison")
  void licenseComparisonCoversEveryComponent() throws Exception {
    License base = Worlds.standard().licenses().get(0);
    for (RecordComponent c : License.class.getRecordComponents()) {
      License other = with(base, c);
      boolean same = LicenseState.sameButLastUpdated(base, other);
      assertThat(same).as(c.getName()).isEqualTo(c.getName().equals("lastUpdated"));
    }
  }

  @Test
  @DisplayName(
      "every transaction component except lastUpdated takes part in the version comparison")
  void transactionComparisonCoversEveryComponent() throws Exception {
    Transaction base = Worlds.standard().transactions().get(0);
    for (RecordComponent c : Transaction.class.getRecordComponents()) {
      Transaction other = with(base, c);
      boolean same = SaleState.sameButLastUpdated(base, other);
      assertThat(same).as(c.getName()).isEqualTo(c.getName().equals("lastUpdated"));
    }
  }

  /**
   * A copy of {@code record} whose component {@code changed} holds another value (null, or a new
   * date).
   */
  private static <R extends Record> R with(R record, RecordComponent changed) throws Exception {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = components[i].getAccessor().invoke(record);
      if (components[i].getName().equals(changed.getName())) {
        values[i] = different(values[i], components[i].getType());
      }
    }
    Class<?>[] types =
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    @SuppressWarnings("unchecked")
    R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    return copy;
  }

  private static Object different(Object value, Class<?> type) throws Exception {
    if (type == LocalDate.class) {
      return value == null ? LocalDate.of(2000, 1, 1) : ((LocalDate) value).plusDays(1);
    }
    if (type == String.class) {
      return value == null ? "x" : value + "x";
    }
    if (type == Boolean.class) {
      return value == null ? Boolean.TRUE : null;
    }
    if (type == List.class) {
      return value == null || ((List<?>) value).isEmpty() ? List.of("x") : List.of();
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return value == constants[0] ? constants[1] : constants[0];
    }
    if (value != null) {
      return null;
    }
    // A null record component: any instance differs from null.
    RecordComponent[] parts = type.getRecordComponents();
    Object[] nulls = new Object[parts.length];
    Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
    return type.getDeclaredConstructor(types).newInstance(nulls);
  }
}
