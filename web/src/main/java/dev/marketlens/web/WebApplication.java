package dev.marketlens.web;

import dev.marketlens.store.ApiTokens;
import dev.marketlens.store.AppSettings;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Database;
import dev.marketlens.store.Users;
import dev.marketlens.store.VendorAccounts;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The composition of the web application: every feature package under {@code dev.marketlens.web},
 * on the store the {@link WebSettings} name. Spring Boot configures what its starters bring (MVC,
 * security, Thymeleaf, actuator, OpenAPI); scheduling runs the scheduled sync.
 */
@SpringBootApplication
@EnableScheduling
class WebApplication {

  @Bean
  Database database(WebSettings settings) {
    return settings.database();
  }

  @Bean
  Clock clock(WebSettings settings) {
    return settings.clock();
  }

  @Bean
  Users users(Database database) {
    return new Users(database.dataSource());
  }

  @Bean
  ApiTokens apiTokens(Database database) {
    return new ApiTokens(database.dataSource());
  }

  @Bean
  AuditLog auditLog(Database database) {
    return new AuditLog(database.dataSource());
  }

  @Bean
  AppSettings appSettings(Database database) {
    return new AppSettings(database.dataSource());
  }

  @Bean
  VendorAccounts vendorAccounts(Database database, WebSettings settings) {
    return new VendorAccounts(database.dataSource(), settings.cipher());
  }

  /** The OpenAPI description's title, version and how to authenticate. */
  @Bean
  OpenAPI openApi() {
    String version = WebApplication.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("Marketlens REST API")
                .version(version == null ? "development build" : version)
                .description(
                    "Metrics computed from the stored Marketplace records, the records themselves,"
                        + " sync, imports and administration. Money in integer cents (USD), rates"
                        + " as decimals, months as YYYY-MM."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token created in Settings (mlt_…)")))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
