package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** FewFields behaves as the LinkedHashMap Jackson would use, alone and under an ObjectNode. */
class FewFieldsTest {

  private static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "id.orig_h");

  @Property(tries = 500)
  void actsAsALinkedHashMap(@ForAll long seed) {
    Random random = new Random(seed);
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    FewFields actual = new FewFields();
    for (int step = 0; step < 40; step++) {
      // A fresh String each time, so lookups cannot rely on identity.
      String key = new String(KEYS.get(random.nextInt(KEYS.size())));
      JsonNode value = IntNode.valueOf(random.nextInt(5));
      switch (random.nextInt(5)) {
        case 0, 1 -> assertThat(actual.put(key, value)).isEqualTo(expected.put(key, value));
        case 2 -> assertThat(actual.remove(key)).isEqualTo(expected.remove(key));
        case 3 -> {
          Iterator<Map.Entry<String, JsonNode>> left = actual.entrySet().iterator();
          Iterator<Map.Entry<String, JsonNode>> right = expected.entrySet().iterator();
          while (right.hasNext()) {
            boolean drop = random.nextInt(4) == 0;
            assertThat(left.next()).isEqualTo(right.next());
            if (drop) {
              left.remove();
              right.remove();
            }
          }
          assertThat(left.hasNext()).isFalse();
        }
        default -> assertThat(actual.get(key)).isEqualTo(expected.get(key));
      }
      if (random.nextInt(25) == 0) {
        actual.clear();
        expected.clear();
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.size()).isEqualTo(expected.size());
      assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
      assertThat(new ObjectNode(JsonNodeFactory.instance, actual).toString())
          .isEqualTo(new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(expected)).toString());
    }
  }

  /** Canonical puts (one instance per spelling, as the scanner makes them) keep LinkedHashMap's answers. */
  @Property(tries = 200)
  void canonicalPutsActAsPuts(@ForAll long seed) {
    Random random = new Random(seed);
    FewFields actual = new FewFields();
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (int step = 0; step < 40; step++) {
      String key = KEYS.get(random.nextInt(KEYS.size()));
      JsonNode value = IntNode.valueOf(step);
      actual.putCanonical(key, value);
      expected.put(key, value);
      assertThat(actual).containsExactlyEntriesOf(expected);
    }
  }
}
