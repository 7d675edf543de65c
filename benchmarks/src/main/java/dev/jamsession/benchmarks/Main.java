package dev.jamsession.benchmarks;

import dev.jamsession.benchmarks.load.LoadBenchmark;
import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [search|scan|render|engine|load] [options]}.
 *
 * <ul>
 *   <li>{@code search [songs] [queries]}: search latency percentiles over a synthetic catalog
 *       (default 100,000 songs, 20,000 measured queries).</li>
 *   <li>{@code scan [files]}: a music folder scan, cold then from the index cache (default
 *       10,000 files).</li>
 *   <li>{@code render [songs]}: CPU time to synthesise demo songs.</li>
 *   <li>{@code engine [members] [songs] [votes]}: CPU time of one vote in the jam's entry
 *       processor, as the partition thread runs it (default 20 members, 20 songs, 200,000 votes).</li>
 *   <li>{@code load [--option value ...]}: votes over real WebSockets against the all-in-one
 *       server, fan-out latency to every member, server CPU and RSS
 *       ({@link dev.jamsession.benchmarks.load.LoadBenchmark}).</li>
 * </ul>
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "search" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (mode) {
      case "search":
        SearchBenchmark.run(intArg(rest, 0, 100_000), intArg(rest, 1, 20_000));
        break;
      case "scan":
        ScanBenchmark.run(intArg(rest, 0, 10_000));
        break;
      case "render":
        RenderBenchmark.run(intArg(rest, 0, 20));
        break;
      case "engine":
        EngineBenchmark.run(intArg(rest, 0, 20), intArg(rest, 1, 20), intArg(rest, 2, 200_000));
        break;
      case "load":
        LoadBenchmark.main(rest);
        break;
      default:
        System.err.println("usage: java -jar benchmarks.jar [search [songs] [queries] | scan [files]"
            + " | render [songs] | engine [members] [songs] [votes] | load [options]]");
        System.exit(2);
    }
  }

  private static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index].replace("_", "")) : fallback;
  }
}
