package dev.jamsession.catalog.demo;

import java.util.Random;

/**
 * Invents artist, album and song names in the manner of each genre from small word pools.
 * Every name is a random combination, so any likeness to a real act is a coincidence; a few
 * carry accents on purpose, to keep accent-insensitive search honest.
 */
final class DemoNames {

  private static final String[] FIRST = {"Ana", "Léa", "Maya", "Noah", "Jonas", "Iris", "Zoë",
      "Mateo", "Chloé", "Elena", "Rafael", "Björn", "Amara", "Kofi", "Yuki", "Priya", "Sofía",
      "Luca", "Nina", "Omar", "Inès", "Felix", "Ruby", "Theo", "Clara", "Malik", "Hana", "Emil",
      "Ada", "Jude", "Renée", "Dario", "Mina", "Soren", "Aurélie", "Tomás", "Imani", "Kenji",
      "Lior", "Greta", "Otis", "Marisol", "Wren", "Idris", "Selma", "Cosmo"};
  private static final String[] LAST = {"Moreau", "Okafor", "Lindqvist", "Alvarez", "Nakamura",
      "Petrov", "Brennan", "Castillo", "Haddad", "Sørensen", "Whitfield", "Delacroix", "Marlowe",
      "Kessler", "Varga", "Quinn", "Ashby", "Fontaine", "Ribeiro", "Dubois", "Holloway",
      "Serrano", "Novak", "Ellery", "Baptiste", "Lund", "Tanaka", "Oyelaran", "Carver", "Mercer",
      "Ferreira", "Strand", "Galloway", "Iversen", "Márquez", "Thorne", "Abernathy", "Vance"};
  private static final String[] ADJ = {"Velvet", "Electric", "Golden", "Silent", "Crimson",
      "Hollow", "Neon", "Paper", "Wild", "Midnight", "Lucky", "Broken", "Faded", "Burning",
      "Gentle", "Restless", "Distant", "Silver", "Little", "Endless", "Secret", "Bright", "Lonely",
      "Sweet", "Frozen", "Quiet", "Savage", "Crystal", "Blue", "Copper"};
  private static final String[] NOUN = {"Heart", "River", "Engine", "Mirror", "Summer", "Shadow",
      "Harbor", "Signal", "Garden", "Highway", "Ocean", "Ember", "Satellite", "Lantern", "Thunder",
      "Window", "Horizon", "Feather", "Circuit", "Moon", "Valley", "Wire", "Anchor", "Compass",
      "Orchid", "Static", "Canyon", "Parade", "Comet", "Island", "Echo", "Tide", "Diamond",
      "Storm", "Mountain", "Letter", "Fever", "Lighthouse", "Avenue", "Galaxy"};
  private static final String[] PLURAL = {"Engines", "Wolves", "Foxes", "Strangers", "Sparks",
      "Rivers", "Saints", "Pilots", "Tigers", "Ghosts", "Drifters", "Echoes", "Kings", "Lanterns",
      "Vultures", "Sailors", "Comets", "Rebels", "Owls", "Wanderers"};
  private static final String[] VERB = {"Chasing", "Holding", "Dancing", "Waiting", "Running",
      "Falling", "Breaking", "Calling", "Burning", "Dreaming", "Riding", "Finding", "Leaving",
      "Counting", "Turning", "Singing"};
  private static final String[] PLACE = {"Lisbon", "Montréal", "Harlem", "Kingston", "Memphis",
      "Brooklyn", "Marseille", "Oslo", "Havana", "Osaka", "Lagos", "Berlin", "Seville", "Dakar",
      "Bristol", "Nashville", "Valparaíso", "Reykjavík", "Tangier", "Detroit"};
  private static final String[] TIME = {"Morning", "Midnight", "Sunday", "Winter", "Dawn",
      "Twilight", "Saturday", "August", "Tonight", "Forever"};
  private static final String[] KEYS = {"C Major", "D Minor", "E-flat Major", "F Major",
      "G Minor", "A Major", "B-flat Major", "C-sharp Minor", "E Minor", "A Minor"};
  private static final String[] FORMS = {"Nocturne", "Sonata", "Étude", "Prelude", "Serenade",
      "Fantasia", "Rhapsody", "Impromptu", "Elegy", "Intermezzo"};
  private static final String[] MOVEMENTS = {"Allegro", "Adagio", "Andante", "Largo", "Presto",
      "Moderato", "Scherzo", "Rondo"};
  private static final String[] ENSEMBLES = {"Trio", "Quartet", "Quintet", "Sextet"};
  private static final String[] FEELINGS = {"Déjà Vu", "Café Noir", "Naïve", "Señorita",
      "Cœur Brisé", "Fiancée", "Jalapeño", "Über Alles", "Noël", "Rosé", "Don't Stop Now",
      "Can't Sleep", "It's Alright"};

  private final Random rnd;

  DemoNames(Random rnd) {
    this.rnd = rnd;
  }

  String artist(DemoGenre genre) {
    switch (genre) {
      case POP: return pick(rnd.nextInt(3), first() + " " + last(), first(),
          first() + " & the " + pick(PLURAL));
      case ROCK: return pick(rnd.nextInt(3), "The " + adj() + " " + pick(PLURAL),
          adj() + " " + noun(), twoNouns());
      case ELECTRONIC: return pick(rnd.nextInt(3), adj() + " " + noun(), "DJ " + first(),
          noun() + " " + (rnd.nextInt(90) + 10));
      case HIP_HOP: return pick(rnd.nextInt(3), "MC " + noun(), "Lil " + noun(),
          adj() + " " + first());
      case JAZZ: return first() + " " + last() + " " + pick(ENSEMBLES);
      case BLUES: return pick(rnd.nextInt(3), "Slim " + last(), "Big " + first() + " " + last(),
          first() + " " + last() + " Blues Band");
      case FOLK: return pick(rnd.nextInt(3), first() + " " + last(),
          "The " + adj() + " " + noun() + " Sisters", first() + " & " + first());
      case CLASSICAL: return pick(rnd.nextInt(3), pick(PLACE) + " Chamber Orchestra",
          first() + " " + last(), "Quatuor " + last());
      case REGGAE: return pick(rnd.nextInt(3), first() + " " + last() + " & the " + pick(PLURAL),
          adj() + " Roots", "Lion " + noun());
      case AMBIENT: return pick(rnd.nextInt(3), twoNouns(), adj() + " " + noun(),
          noun() + "s of " + pick(PLACE));
      default: throw new IllegalStateException(genre.name());
    }
  }

  String album(DemoGenre genre) {
    switch (genre) {
      case JAZZ: return pick(rnd.nextInt(3), "Live at the " + noun() + " Club",
          adj() + " " + noun(), pick(PLACE) + " Sessions");
      case CLASSICAL: return pick(rnd.nextInt(2), plural(pick(FORMS)) + ", Vol. " + (rnd.nextInt(4) + 1),
          adj() + " " + plural(pick(FORMS)));
      case ELECTRONIC: return pick(rnd.nextInt(3), noun() + " EP", adj() + " " + noun(),
          noun() + " " + (rnd.nextInt(9) + 1) + "." + rnd.nextInt(10));
      default: return pick(rnd.nextInt(4), adj() + " " + noun(), noun() + " & " + noun(),
          pick(PLACE) + " " + pick(TIME), noun());
    }
  }

  String title(DemoGenre genre) {
    if (rnd.nextInt(12) == 0) {
      return pick(FEELINGS);
    }
    switch (genre) {
      case CLASSICAL: return pick(rnd.nextInt(2),
          pick(FORMS) + " No. " + (rnd.nextInt(12) + 1) + " in " + pick(KEYS),
          pick(FORMS) + " in " + pick(KEYS) + ": " + pick(MOVEMENTS));
      case BLUES: return pick(rnd.nextInt(3), pick(PLACE) + " Blues", adj() + " " + noun() + " Blues",
          pick(VERB) + " Down the " + noun());
      case ELECTRONIC: return pick(rnd.nextInt(3), noun() + " (" + adj() + " Mix)", adj() + " " + noun(),
          twoNouns());
      case AMBIENT: return pick(rnd.nextInt(3), noun() + " at " + pick(TIME), adj() + " " + noun(),
          pick(VERB) + " " + noun() + "s");
      default: return pick(rnd.nextInt(5), adj() + " " + noun(), pick(VERB) + " the " + noun(),
          noun() + " of " + pick(PLACE), pick(TIME) + " " + noun(), pick(VERB) + " " + pick(TIME));
    }
  }

  private static String plural(String noun) {
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
  }

  private String first() {
    return pick(FIRST);
  }

  private String last() {
    return pick(LAST);
  }

  private String adj() {
    return pick(ADJ);
  }

  /** Two different nouns: "Storm Storm" reads like a typo. */
  private String twoNouns() {
    String first = noun();
    String second = noun();
    while (second.equals(first)) {
      second = noun();
    }
    return first + " " + second;
  }

  private String noun() {
    return pick(NOUN);
  }

  private String pick(String[] pool) {
    return pool[rnd.nextInt(pool.length)];
  }

  private static String pick(int which, String... options) {
    return options[which];
  }
}
