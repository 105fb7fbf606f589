package dev.detectc.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an SPL profile file says beyond {@link Profile}: its query {@code form} ({@code search},
 * or {@code tstats} over accelerated CIM data models) and, per log-source entry, the data model
 * dataset ({@code datamodel: Network_Resolution.DNS}) and the fields tstats groups by.
 */
record SplProfile(String form, List<Map<String, Object>> entries) {

  private static final Map<String, SplProfile> LOADED = new ConcurrentHashMap<>();

  SplProfile {
    entries = List.copyOf(entries);
  }

  static SplProfile of(Target target, Profile profile) {
    return LOADED.computeIfAbsent(target.name() + "/" + profile.name(), key -> {
      String resource = "targets/" + target.name() + "/profiles/" + profile.name() + ".yaml";
      DataFile file = DataFile.load(resource).orElseThrow(() -> new IllegalStateException("no profile file " + resource));
      List<Map<String, Object>> entries = new ArrayList<>();
      Object list = file.root().get("logsources");
      if (list != null) {
        for (Object entry : (List<?>) list) {
          entries.add(DataFile.stringKeys(file.name(), entry));
        }
      }
      return new SplProfile(DataFile.string(file.name(), file.root(), "form", "search"), entries);
    });
  }

  boolean tstats() {
    return form.equals("tstats");
  }

  /** The entry of {@code profile} that {@code mapping} was read from. */
  Map<String, Object> entry(Profile profile, LogSourceMapping mapping) {
    int index = profile.logsources().indexOf(mapping);
    return index < 0 ? Map.of() : entries.get(index);
  }
}
