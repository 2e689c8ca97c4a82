package dev.marketlens.model;

/**
 * The Solution Partner involved in a sale (spec §7.3 {@code partnerDetails}): name, type and the
 * partner's billing contact ({@link Contact#none()} when absent).
 */
public record Partner(String name, PartnerType type, Contact contact) {

  public Partner {
    name = Text.blankToNull(name);
    if (name == null && type == null) {
      throw new ModelException("partnerDetails", null, "needs a partner name or a partner type");
    }
    contact = contact == null ? Contact.none() : contact;
  }
}
