package dev.detectc.target.elastic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Fixture events in an in-memory Lucene index, mapped as Elasticsearch maps them: objects
 * flattened to dotted names, arrays as multi-valued fields, JSON null left out, keyword fields
 * as untokenized exact text (numbers and booleans as their JSON text), {@code long} and
 * {@code ip} fields as points, and every indexed field name recorded for {@code exists}. Each
 * value is also kept as doc values, as Elasticsearch keeps them for aggregations (keyword text,
 * encoded addresses, longs), with the event time, so threshold rules can be run over the hits.
 */
public final class FixtureIndex implements AutoCloseable {

  private static final String ID = "_event";
  private static final String TIME = "_time";

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final EsQueries queries;
  private final IndexMapping mapping;

  /** Indexes {@code events}; each is known afterwards by its key (for example "file:line"). */
  public FixtureIndex(IndexMapping mapping, Map<String, JsonNode> events) throws IOException {
    this(mapping, events, Map.of());
  }

  /** Indexes {@code events} with their times (epoch microseconds, by key; events without one have none). */
  public FixtureIndex(IndexMapping mapping, Map<String, JsonNode> events, Map<String, Long> times) throws IOException {
    this.mapping = mapping;
    Set<String> keywordFields = new TreeSet<>();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (Map.Entry<String, JsonNode> event : events.entrySet()) {
        Document document = new Document();
        document.add(new StoredField(ID, event.getKey()));
        Long time = times.get(event.getKey());
        if (time != null) {
          document.add(new NumericDocValuesField(TIME, time));
        }
        Set<String> present = new TreeSet<>();
        flatten("", event.getValue(), (field, value) -> add(document, mapping, field, value, present, keywordFields));
        present.forEach(field -> document.add(new StringField(EsQueries.FIELD_NAMES, field, Field.Store.NO)));
        writer.addDocument(document);
      }
    }
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    queries = new EsQueries(mapping, keywordFields);
  }

  public EsQueries queries() {
    return queries;
  }

  /** The keys of the events the query matches, in key order. */
  public Set<String> search(Query query) throws IOException {
    Set<String> keys = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
      keys.add(searcher.storedFields().document(hit.doc).get(ID));
    }
    return keys;
  }

  /** One matching event as an aggregation sees it: its key, time (or null) and each asked field's values. */
  public record Hit(String key, Long time, List<Set<String>> values) {}

  /**
   * The events {@code query} matches with the doc values of {@code fields} (an event lacking a
   * field has an empty set for it), each value as {@link #valueText} writes it.
   */
  public List<Hit> hits(Query query, List<String> fields) throws IOException {
    List<Hit> hits = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(hit.doc, reader.leaves()));
      int doc = hit.doc - leaf.docBase;
      NumericDocValues times = DocValues.getNumeric(leaf.reader(), TIME);
      Long time = times.advanceExact(doc) ? times.longValue() : null;
      List<Set<String>> values = new ArrayList<>();
      for (String field : fields) {
        values.add(docValues(leaf, doc, field));
      }
      hits.add(new Hit(searcher.storedFields().document(hit.doc).get(ID), time, values));
    }
    return hits;
  }

  private Set<String> docValues(LeafReaderContext leaf, int doc, String field) throws IOException {
    Set<String> values = new TreeSet<>();
    if (mapping.type(field) == IndexMapping.Type.LONG) {
      SortedNumericDocValues numbers = DocValues.getSortedNumeric(leaf.reader(), field);
      if (numbers.advanceExact(doc)) {
        for (int i = 0; i < numbers.docValueCount(); i++) {
          values.add(Long.toString(numbers.nextValue()));
        }
      }
      return values;
    }
    SortedSetDocValues terms = DocValues.getSortedSet(leaf.reader(), field);
    if (terms.advanceExact(doc)) {
      for (int i = 0; i < terms.docValueCount(); i++) {
        BytesRef bytes = terms.lookupOrd(terms.nextOrd());
        values.add(mapping.type(field) == IndexMapping.Type.IP
            ? InetAddressPoint.decode(BytesRef.deepCopyOf(bytes).bytes).getHostAddress()
            : bytes.utf8ToString());
      }
    }
    return values;
  }

  /** How the doc values of {@code field} write a JSON scalar's text (an address in Java's canonical form). */
  public String valueText(String field, String text) {
    switch (mapping.type(field)) {
      case IP:
        InetAddress address = EsQueries.address(text);
        return address == null ? null : address.getHostAddress();
      case LONG:
        try {
          return Long.toString(new BigDecimal(text).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
          return null;
        }
      default:
        return text;
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }

  private interface Sink {
    void accept(String field, JsonNode value);
  }

  private static void flatten(String prefix, JsonNode node, Sink sink) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), sink);
      }
    } else if (node.isArray()) {
      node.forEach(element -> flatten(prefix, element, sink));
    } else if (!node.isNull()) {
      sink.accept(prefix, node);
    }
  }

  private static void add(Document document, IndexMapping mapping, String field, JsonNode value, Set<String> present,
      Set<String> keywordFields) {
    String text = value.asText();
    switch (mapping.type(field)) {
      case IP:
        InetAddress address = EsQueries.address(text);
        if (address != null) {
          document.add(new InetAddressPoint(field, address));
          document.add(new SortedSetDocValuesField(field, new BytesRef(InetAddressPoint.encode(address))));
          present.add(field);
        }
        break;
      case LONG:
        try {
          long number = new BigDecimal(text).longValueExact();
          document.add(new LongPoint(field, number));
          document.add(new SortedNumericDocValuesField(field, number));
          present.add(field);
        } catch (ArithmeticException | NumberFormatException e) {
          // ignore_malformed: the field is left out of this document.
        }
        break;
      default:
        document.add(new StringField(field, text, Field.Store.NO));
        document.add(new SortedSetDocValuesField(field, new BytesRef(text)));
        present.add(field);
        keywordFields.add(field);
    }
  }

  /** Field names seen as keyword in any event (for tests that want to show them). */
  public List<String> keywordFields() {
    return new ArrayList<>(queries.keywordFields());
  }
}
