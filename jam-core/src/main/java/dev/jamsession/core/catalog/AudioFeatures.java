package dev.jamsession.core.catalog;


/**
 * What a song sounds like, each in [0, 1] except tempo (beats per minute). The recommender
 * compares songs by these; catalogs without them leave a song's features null.
 */
public record AudioFeatures(double tempo, double energy, double valence, double danceability,
                            double acousticness) {}
