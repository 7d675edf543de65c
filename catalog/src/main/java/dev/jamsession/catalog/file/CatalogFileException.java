package dev.jamsession.catalog.file;

import java.util.List;

/** CATALOG_FILE is unusable; the message lists every problem found, entry and field. */
public final class CatalogFileException extends IllegalArgumentException {

  private static final int SHOWN = 30;
  private final List<String> problems;

  CatalogFileException(String file, List<String> problems) {
    super(message(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(String file, List<String> problems) {
    StringBuilder m = new StringBuilder("CATALOG_FILE=" + file + ": ");
    if (problems.size() == 1) {
      return m.append(problems.get(0)).toString();
    }
    m.append(problems.size()).append(" problems");
    problems.stream().limit(SHOWN).forEach(p -> m.append("\n  - ").append(p));
    if (problems.size() > SHOWN) {
      m.append("\n  - ... and ").append(problems.size() - SHOWN).append(" more");
    }
    return m.toString();
  }
}
