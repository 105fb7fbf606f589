package dev.detectc.push;

import java.util.List;
import java.util.Optional;

/** One SIEM's rule API, reduced to what an idempotent upsert needs. */
public interface SiemClient {

  /** How a write ended when it did not fail outright. */
  enum Write {
    DONE,
    /** The object appeared, vanished or changed since it was read: read again and re-plan. */
    CONFLICT
  }

  Siem siem();

  /** Why {@code rule}'s body does not have the shape this API needs, if it does not. */
  Optional<String> check(DesiredRule rule);

  /** The object stored under the rule's key, or empty when there is none. */
  Optional<RemoteRule> read(DesiredRule rule) throws PushFailure;

  Write create(DesiredRule rule) throws PushFailure;

  Write update(DesiredRule rule, RemoteRule existing) throws PushFailure;

  /** The managed fields {@code existing} holds differently from {@code rule}; empty when in sync. */
  List<FieldChange> diff(DesiredRule rule, RemoteRule existing);
}
