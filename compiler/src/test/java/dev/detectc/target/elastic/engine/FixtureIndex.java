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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Fixture events in an in-memory Lucene index, mapped as Elasticsearch maps them: objects
 * flattened to dotted names, arrays as multi-valued fields, JSON null left out, keyword fields
 * as untokenized exact text (numbers and booleans as their JSON text), {@code long} and
 * {@code ip} fields as points, and every indexed field name recorded for {@code exists}.
 */
public final class FixtureIndex implements AutoCloseable {

  private static final String ID = "_event";

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final EsQueries queries;

  /** Indexes {@code events}; each is known afterwards by its key (for example "file:line"). */
  public FixtureIndex(IndexMapping mapping, Map<String, JsonNode> events) throws IOException {
    Set<String> keywordFields = new TreeSet<>();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      for (Map.Entry<String, JsonNode> event : events.entrySet()) {
        Document document = new Document();
        document.add(new StoredField(ID, event.getKey()));
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
          present.add(field);
        }
        break;
      case LONG:
        try {
          document.add(new LongPoint(field, new BigDecimal(text).longValueExact()));
          present.add(field);
        } catch (ArithmeticException | NumberFormatException e) {
          // ignore_malformed: the field is left out of this document.
        }
        break;
      default:
        document.add(new StringField(field, text, Field.Store.NO));
        present.add(field);
        keywordFields.add(field);
    }
  }

  /** Field names seen as keyword in any event (for tests that want to show them). */
  public List<String> keywordFields() {
    return new ArrayList<>(queries.keywordFields());
  }
}
