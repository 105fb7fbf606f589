package dev.detectc.push;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The upsert for one rule at a time: read what the SIEM holds, compare the managed fields, then
 * create, update or leave it. A write that meets a conflict (the object appeared, vanished or
 * changed since it was read) is re-planned from a fresh read once. In a dry run nothing is
 * written. After a fatal failure every later rule is skipped rather than failing the same way.
 */
public final class Pusher {

  private static final int PLANS = 2;

  private final SiemClient client;
  private final boolean dryRun;
  private String stoppedBecause;

  public Pusher(SiemClient client, boolean dryRun) {
    this.client = Objects.requireNonNull(client, "client");
    this.dryRun = dryRun;
  }

  public Siem siem() {
    return client.siem();
  }

  public RuleResult push(DesiredRule rule) {
    if (stoppedBecause != null) {
      return RuleResult.of(rule, Outcome.SKIPPED, List.of(), "not attempted: " + stoppedBecause);
    }
    Optional<String> malformed = client.check(rule);
    if (malformed.isPresent()) {
      return RuleResult.of(rule, Outcome.FAILED, List.of(), "not sent: " + malformed.get());
    }
    try {
      return upsert(rule);
    } catch (PushFailure failure) {
      if (failure.fatal()) {
        // Name the rule whose row holds the reason, rather than repeating it on every row.
        stoppedBecause = "the run stopped when rule " + rule.ruleId() + " failed";
      }
      return RuleResult.of(rule, Outcome.FAILED, List.of(), failure.getMessage());
    }
  }

  private RuleResult upsert(DesiredRule rule) throws PushFailure {
    Outcome attempted = null;
    List<FieldChange> attemptedChanges = List.of();
    for (int plan = 1; plan <= PLANS; plan++) {
      Optional<RemoteRule> existing = client.read(rule);
      if (existing.isEmpty()) {
        if (dryRun) {
          return RuleResult.of(rule, Outcome.WOULD_CREATE, List.of(), "");
        }
        attempted = Outcome.CREATED;
        attemptedChanges = List.of();
        if (client.create(rule) == SiemClient.Write.DONE) {
          return RuleResult.of(rule, Outcome.CREATED, List.of(), plan > 1 ? "created after a conflict" : "");
        }
        continue;
      }
      List<FieldChange> changes = client.diff(rule, existing.get());
      if (changes.isEmpty()) {
        // After a conflicted write, matching now means our write (or an identical one) landed.
        return attempted == null ? RuleResult.of(rule, Outcome.UNCHANGED, List.of(), "")
            : RuleResult.of(rule, attempted, attemptedChanges, client.siem().displayName()
                + " reported a conflict; reading the rule back shows it as desired");
      }
      if (dryRun) {
        return RuleResult.of(rule, Outcome.WOULD_UPDATE, changes, "");
      }
      attempted = attempted == Outcome.CREATED ? Outcome.CREATED : Outcome.UPDATED;
      attemptedChanges = changes;
      if (client.update(rule, existing.get()) == SiemClient.Write.DONE) {
        return RuleResult.of(rule, Outcome.UPDATED, changes, plan > 1 ? "updated after a conflict" : "");
      }
    }
    throw new PushFailure(client.siem().displayName() + " reported a conflict twice (the rule changes while detectc"
        + " writes it); whether a write landed is unknown: push again", false);
  }
}
