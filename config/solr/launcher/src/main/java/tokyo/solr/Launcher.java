package tokyo.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Embedded Solr 9 for CKAN on machines without Docker.
 *
 * <p>Usage: {@code java -cp 'target/dependency/*:target/classes' tokyo.solr.Launcher SOLR_HOME PORT}
 *
 * <p>Serves {@code http://127.0.0.1:PORT/solr}, fails (exit 2) unless core {@code ckan} loaded,
 * then stays in the foreground until killed; SIGTERM stops Jetty and the cores cleanly.
 */
public final class Launcher {
  private static final String CORE = "ckan";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: Launcher SOLR_HOME PORT");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath().normalize();
    int port = Integer.parseInt(args[1]);
    if (!Files.isRegularFile(home.resolve("solr.xml"))) {
      System.err.println("FATAL: no solr.xml in " + home);
      System.exit(2);
    }

    JettyConfig config =
        JettyConfig.builder()
            .setPort(port)
            .setContext("/solr")
            .stopAtShutdown(true)
            .waitForLoadingCoresToFinish(120_000L)
            .build();
    JettySolrRunner runner = new JettySolrRunner(home.toString(), new Properties(), config);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    if (runner.isRunning()) {
                      System.out.println("Stopping Solr ...");
                      runner.stop();
                      System.out.println("Solr stopped.");
                    }
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                },
                "solr-shutdown"));

    try {
      runner.start();
    } catch (Exception e) {
      System.err.println("FATAL: Solr failed to start on port " + port + ": " + e);
      e.printStackTrace();
      System.exit(2);
    }

    CoreContainer cc = runner.getCoreContainer();
    if (cc == null || !cc.isLoaded(CORE)) {
      System.err.println("FATAL: core '" + CORE + "' is not loaded (solr home " + home + ")");
      if (cc != null) {
        for (Map.Entry<String, CoreContainer.CoreLoadFailure> f : cc.getCoreInitFailures().entrySet()) {
          System.err.println("  core '" + f.getKey() + "' failed: " + f.getValue().exception);
          Throwable t = f.getValue().exception.getCause();
          while (t != null) {
            System.err.println("    caused by: " + t);
            t = t.getCause();
          }
        }
      }
      System.exit(2); // shutdown hook stops Jetty
    }

    System.out.println("Solr " + org.apache.solr.client.api.util.SolrVersion.LATEST + " ready at "
        + runner.getBaseUrl() + " (core '" + CORE + "' loaded, home " + home + ")");
    System.out.flush();

    stopped.await(); // foreground until SIGTERM/SIGINT runs the shutdown hook
  }
}
