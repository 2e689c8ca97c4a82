package dev.marketlens.web;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The web application as a running server: the dashboard, the REST API and the health checks. */
public final class WebServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final int port;

  private WebServer(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public static WebServer start(WebSettings settings) {
    SpringApplication app = new SpringApplication(WebApplication.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    Map<String, Object> props = new HashMap<>();
    props.put("server.port", settings.port());
    props.put("server.address", settings.bindAddress());
    props.put("server.shutdown", "graceful");
    props.put("server.servlet.session.cookie.name", "MARKETLENS_SESSION");
    props.put("server.servlet.session.cookie.http-only", true);
    props.put("server.servlet.session.cookie.secure", settings.secureCookies());
    props.put("server.servlet.session.cookie.same-site", "lax");
    props.put("server.servlet.session.timeout", "8h");
    props.put("server.error.whitelabel.enabled", false);
    props.put("server.max-http-request-header-size", "16KB");
    props.put("spring.servlet.multipart.max-file-size", "512MB");
    props.put("spring.servlet.multipart.max-request-size", "512MB");
    props.put("spring.jmx.enabled", false);
    props.put("spring.thymeleaf.cache", true);
    props.put("spring.mvc.problemdetails.enabled", true);
    props.put("management.endpoints.web.exposure.include", "health,prometheus");
    props.put("management.endpoint.health.probes.enabled", true);
    props.put("management.endpoint.health.show-details", "never");
    props.put("springdoc.api-docs.path", "/api/v1/openapi.json");
    props.put("springdoc.swagger-ui.path", "/api/v1/docs");
    props.put("springdoc.paths-to-match", "/api/v1/**");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.dev.marketlens", "INFO");
    props.put("logging.level.org.apache.catalina.core", "ERROR");
    props.put("logging.level.org.springdoc", "ERROR");
    app.setDefaultProperties(props);
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("webSettings", settings));
    return new WebServer(app.run());
  }

  /** The running application's context (for tests that enumerate its routes or read its beans). */
  org.springframework.context.ApplicationContext context() {
    return context;
  }

  public int port() {
    return port;
  }

  /** Blocks until the server is stopped (for the command line). */
  public void awaitShutdown() throws InterruptedException {
    while (context.isActive()) {
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
