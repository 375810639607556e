package dev.sentlog.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.log.MessageDetail;
import dev.sentlog.core.log.MessageView;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.retention.LegalHold;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.store.MessageHeader;
import dev.sentlog.core.store.MessageState;
import dev.sentlog.core.totals.DeliverySummary;
import dev.sentlog.report.SentMessageReport;
import dev.sentlog.report.model.ReportModel;
import dev.sentlog.spi.DeviceReport;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One accessor per optional field, one setter name per setting, no constructor around a builder. */
class OneVocabularyTest {

    /** Each type's optional fields: one public accessor each, returning Optional. */
    private static final Map<Class<?>, List<String>> OPTIONAL_FIELDS = Map.ofEntries(
            Map.entry(Message.class, List.of("scheduledAt", "emailAttachment", "audioFile", "startedAt", "endedAt",
                    "cancellation", "redaction")),
            Map.entry(MessageRow.class, List.of("scheduledAt")),
            Map.entry(MessageHeader.class, List.of("scheduledAt")),
            Map.entry(MessageState.class, List.of("startedAt", "endedAt", "cancellation")),
            Map.entry(DeliverySummary.class, List.of("startedAt", "endedAt", "cancellation")),
            Map.entry(MessageDetail.class, List.of("emailAttachment", "audioFile", "resendOf")),
            Map.entry(MessageView.class, List.of("filterCriteria")),
            Map.entry(Device.class, List.of("time")),
            Map.entry(RecipientEntry.class, List.of("student")),
            Map.entry(DeviceReport.class, List.of("reason")),
            Map.entry(LegalHold.class, List.of("liftedBy", "liftedAt", "liftReason")));

    /** The second names the same fields had. */
    private static final Set<String> RETIRED = Set.of("scheduledTime", "startTime", "endTime", "canceled",
            "attachment", "audio", "reachedAt", "studentPerson", "reasonText", "filterCriteriaDetail",
            "attachmentLink", "audioLink");

    @Test
    @DisplayName("S6, S8, D6, C4, J1, R2, X2, X3: every optional field has one public accessor, returning Optional")
    void oneOptionalAccessorPerField() {
        OPTIONAL_FIELDS.forEach((type, fields) -> {
            Set<String> publicNoArg = Arrays.stream(type.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && m.getDeclaringClass() == type)
                    .map(Method::getName).collect(Collectors.toSet());
            assertThat(publicNoArg).as("%s keeps no second name", type.getSimpleName())
                    .doesNotContainAnyElementsOf(RETIRED);
            for (String field : fields) {
                assertThat(returnType(type, field)).as("%s.%s()", type.getSimpleName(), field)
                        .isEqualTo(Optional.class);
            }
            assertThat(type.isRecord()).as("%s: a record would add a second, nullable accessor", type.getSimpleName())
                    .isFalse();
        });
    }

    @Test
    @DisplayName("S8: the file check has one setter name in every builder")
    void oneSetterName() {
        for (Class<?> builder : List.of(dev.sentlog.core.log.SentMessageLog.Builder.class,
                SentMessageReport.Builder.class, ReportModel.Builder.class)) {
            Set<String> names = Arrays.stream(builder.getMethods()).map(Method::getName).collect(Collectors.toSet());
            assertThat(names).as(builder.getName()).contains("fileAvailability").doesNotContain("fileAvailable");
        }
    }

    @Test
    @DisplayName("a message is built only through its builder's checks: no public constructor")
    void noPublicMessageConstructor() {
        assertThat(Arrays.stream(Message.class.getDeclaredConstructors())
                .filter(c -> Modifier.isPublic(c.getModifiers()))).isEmpty();
    }

    private static Class<?> returnType(Class<?> type, String name) {
        try {
            return type.getMethod(name).getReturnType();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getSimpleName() + " has no public " + name + "()", e);
        }
    }
}
