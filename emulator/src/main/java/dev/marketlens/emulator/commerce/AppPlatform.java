package dev.marketlens.emulator.commerce;

/** What a cloud app is built on; decides the Forge revenue-share incentive. */
public enum AppPlatform {
  CONNECT,
  FORGE,
  /** A server or Data Center plugin with no cloud variant. */
  PLUGINS_V2
}
