package mechgraph;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded, reachable over Bolt on loopback only.
 *
 * <p>Usage: LocalNeo4j HOME_DIR BOLT_PORT [PAGE_CACHE]
 *
 * <p>PAGE_CACHE is the page cache size ("512m", "4g"); without it Neo4j takes half the
 * machine's memory minus the heap.
 *
 * <p>Prints "READY bolt://127.0.0.1:PORT" once the database answers. Shuts the database down
 * cleanly on SIGTERM/SIGINT and when its standard input closes, so the store is never left
 * corrupted and the JVM never outlives the process that started it.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j HOME_DIR BOLT_PORT [PAGE_CACHE]");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);

    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            // A ceiling for any runaway query; the API sets tighter per-query timeouts.
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60));
    if (args.length > 2) {
      builder.setConfig(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(args[2]));
    }
    DatabaseManagementService dbms = builder.build();

    Thread shutdown = new Thread(() -> {
      dbms.shutdown();
      System.out.println("STOPPED");
      System.out.flush();
    }, "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);

    // Smoke-test the default database before announcing readiness.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();

    // The parent keeps our stdin open; end of input means it is gone.
    while (System.in.read() != -1) {
      // discard
    }
    System.exit(0);
  }
}
