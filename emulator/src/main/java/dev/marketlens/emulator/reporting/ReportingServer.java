package dev.marketlens.emulator.reporting;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The emulated reporting API as a running HTTP server: v2 under {@code /rest/2}, v3 under {@code
 * /rest/3} (also {@code /marketplace/rest/3} and the prefix-less hrefs), the emulator's controls
 * under {@code /_emulator}. Only the web server and Spring MVC are configured, nothing else found
 * on the class path.
 */
public final class ReportingServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final Marketplace market;
  private final ScheduledExecutorService ticker;
  private final int port;

  private ReportingServer(
      ConfigurableApplicationContext context, Marketplace market, ScheduledExecutorService ticker) {
    this.context = context;
    this.market = market;
    this.ticker = ticker;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Generates the settings' world and serves it. */
  public static ReportingServer start(EmulatorSettings settings) {
    return start(
        settings, new Marketplace(settings.world(), settings.quirks(), settings.reportingLag()));
  }

  /** Serves {@code market} with {@code settings} (whose world it must be). */
  public static ReportingServer start(EmulatorSettings settings, Marketplace market) {
    SpringApplication app = new SpringApplication(Wiring.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setRegisterShutdownHook(false);
    Map<String, Object> props = new HashMap<>();
    props.put("server.port", settings.port());
    props.put("server.address", settings.bindAddress());
    props.put("server.shutdown", "immediate");
    props.put("spring.web.resources.add-mappings", false);
    props.put("spring.jmx.enabled", false);
    props.put("logging.level.root", "WARN");
    props.put("logging.level.org.apache.catalina.core", "ERROR");
    props.put("logging.level.org.springframework.web.servlet.PageNotFound", "ERROR");
    app.setDefaultProperties(props);
    app.addInitializers(
        ctx -> {
          ctx.getBeanFactory().registerSingleton("settings", settings);
          ctx.getBeanFactory().registerSingleton("marketplace", market);
        });
    ConfigurableApplicationContext context = app.run();
    ScheduledExecutorService ticker = null;
    if (settings.tick() != null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "emulator-clock");
                t.setDaemon(true);
                return t;
              });
      long every = settings.tick().toMillis();
      ticker.scheduleAtFixedRate(() -> market.advance(1), every, every, TimeUnit.MILLISECONDS);
    }
    return new ReportingServer(context, market, ticker);
  }

  public int port() {
    return port;
  }

  /** {@code http://host:port}, the base every API path is relative to. */
  public String baseUrl(String host) {
    return "http://" + host + ":" + port;
  }

  public Marketplace marketplace() {
    return market;
  }

  /** Blocks until the server is stopped (for the command line). */
  public void awaitShutdown() throws InterruptedException {
    while (context.isActive()) {
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    context.close();
  }

  /** The beans of the server. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class
  })
  @Import({
    ReportingController.class,
    AggregatesController.class,
    DeveloperSpaceController.class,
    AdminController.class,
    ErrorAdvice.class
  })
  static class Wiring {

    @Bean
    AsyncExports asyncExports() {
      return new AsyncExports(Clock.systemUTC());
    }

    @Bean
    Access access(Marketplace marketplace) {
      return new Access(marketplace);
    }

    @Bean
    RequestFilter requestFilter(EmulatorSettings settings) {
      return new RequestFilter(new Credentials(settings.users()), settings);
    }
  }
}
