package dev.marketlens.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts Marketplace API tokens at rest with AES-256-GCM. The key is {@code
 * MARKETLENS_SECRET_KEY} (32 bytes, Base64) when set, else {@code <home>/secret.key}, created on
 * first use readable by its owner only. Each token gets a fresh 12-byte nonce and is bound to its
 * account name, so a ciphertext copied to another account does not decrypt.
 */
public final class TokenCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  private TokenCipher(byte[] key) {
    if (key.length != 32) {
      throw new StoreException(
          "the secret key must be 32 bytes (Base64 of 32 random bytes), got " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** A cipher with the given 32-byte key. */
  public static TokenCipher of(byte[] key) {
    return new TokenCipher(key.clone());
  }

  /**
   * The cipher of an installation: the Base64 key in {@code environmentKey} when given (from {@code
   * MARKETLENS_SECRET_KEY}), else the key file in {@code home}, created when absent.
   */
  public static TokenCipher forHome(Path home, String environmentKey) {
    if (environmentKey != null && !environmentKey.isBlank()) {
      try {
        return new TokenCipher(Base64.getDecoder().decode(environmentKey.trim()));
      } catch (IllegalArgumentException e) {
        throw new StoreException("MARKETLENS_SECRET_KEY is not Base64: " + e.getMessage());
      }
    }
    Path file = home.resolve("secret.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(home);
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.write(file, Base64.getEncoder().encode(fresh));
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      byte[] text = Files.readAllBytes(file);
      return new TokenCipher(
          Base64.getDecoder().decode(new String(text, StandardCharsets.US_ASCII).trim()));
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException(
          "cannot read or create the secret key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The token encrypted for an account: {nonce, ciphertext}. */
  Sealed seal(String account, String token) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      return new Sealed(nonce, cipher.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new StoreException("cannot encrypt the API token: " + e.getMessage(), e);
    }
  }

  /**
   * The token of an account; fails when the key or the account is not the one it was sealed with.
   */
  String open(String account, Sealed sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
      cipher.updateAAD(account.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new StoreException(
          "cannot decrypt the API token of account "
              + account
              + ": the secret key is not the one it was stored with (MARKETLENS_SECRET_KEY or"
              + " secret.key changed); add the account again with its token");
    }
  }

  /** An encrypted token and its nonce. */
  record Sealed(byte[] nonce, byte[] ciphertext) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed s
          && Arrays.equals(nonce, s.nonce)
          && Arrays.equals(ciphertext, s.ciphertext);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed[" + ciphertext.length + " bytes]";
    }
  }
}
