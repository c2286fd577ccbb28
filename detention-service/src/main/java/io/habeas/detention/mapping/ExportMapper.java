package io.habeas.detention.mapping;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.domain.Person;
import io.habeas.detention.v1.ArticleStructureSource;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCourtEvent;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportIncident;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.service.LinkedRecords;
import io.habeas.kernel.access.Clearance;
import java.util.List;
import java.util.UUID;

/** Stored records as ImportRecords takes them, each with its name kept (see export_service.proto). */
public final class ExportMapper {
    private ExportMapper() {
    }

    /** One person's records, each list already those the reader sees, in recording order. */
    public record Tree(Person person, List<Branch> detentions, List<Incident> incidents) {
    }

    /** A detention with what the reader sees under it. */
    public record Branch(Detention detention, List<CustodyEvent> custodyEvents, List<Charge> charges,
            List<CourtEvent> courtEvents) {
    }

    public static ImportRecord toProto(Tree tree, Clearance reader) {
        var record = ImportRecord.newBuilder()
                .setPerson(importable(PersonMapper.toProto(tree.person(), reader)));
        for (Branch branch : tree.detentions()) {
            Detention d = branch.detention();
            var detention = ImportDetention.newBuilder().setImportKey(key(d.importKey, d.id))
                    .setDetention(importable(DetentionMapper.recorded(d, reader).clearPerson().build()));
            branch.custodyEvents().forEach(e -> detention.addCustodyEvents(ImportCustodyEvent.newBuilder()
                    .setImportKey(key(e.importKey, e.id)).setCustodyEvent(importable(DetentionMapper.toProto(e, reader)))));
            branch.charges().forEach(c -> detention.addCharges(ImportCharge.newBuilder()
                    .setImportKey(key(c.importKey, c.id)).setCharge(charge(c, reader))));
            branch.courtEvents().forEach(e -> detention.addCourtEvents(ImportCourtEvent.newBuilder()
                    .setImportKey(key(e.importKey, e.id))
                    .setCourtEvent(importable(CourtEventMapper.toProto(e, reader, LinkedRecords.STORED).toBuilder()
                            .clearCharges().clearSentence().build()))));
            record.addDetentions(detention);
        }
        tree.incidents().forEach(i -> record.addIncidents(ImportIncident.newBuilder()
                .setImportKey(key(i.importKey, i.id)).setIncident(importable(IncidentMapper.toProto(i, reader)))));
        return record.build();
    }

    /** A structure Habeas read from the reference is left for the import to read again, so it stays PARSED. */
    private static io.habeas.detention.v1.Charge charge(Charge c, Clearance reader) {
        var proto = DetentionMapper.toProto(c, reader, LinkedRecords.STORED);
        var exported = importable(proto);
        return proto.getArticle().getStructureSource() == ArticleStructureSource.ARTICLE_STRUCTURE_SOURCE_SENT ? exported
                : exported.toBuilder().clearArticle().build();
    }

    private static String key(String stored, UUID id) {
        return stored != null ? stored : id.toString();
    }

    /** The message without what the import does not take: output-only fields (at any depth) and the etag. */
    @SuppressWarnings("unchecked")
    static <M extends Message> M importable(M message) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.OUTPUT_ONLY)
                    || "etag".equals(field.getName())) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    int count = message.getRepeatedFieldCount(field);
                    for (int i = 0; i < count; i++) {
                        builder.setRepeatedField(field, i, importable((Message) message.getRepeatedField(field, i)));
                    }
                } else if (message.hasField(field)) {
                    builder.setField(field, importable((Message) message.getField(field)));
                }
            }
        }
        return (M) builder.build();
    }
}
