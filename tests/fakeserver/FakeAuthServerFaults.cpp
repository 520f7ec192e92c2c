// FakeAuthServer, part 2: choosing a request's fault and answering it (real, scripted, late,
// never, bare, slow).
#include "FakeAuthServer.h"

#include "FakeHttp.h"
#include "FakeHttpResponse.h"
#include "FakeServerState.h"
#include "GenericEndpoints.h"
#include "HttpConnection.h"
#include "SalesforceEndpoints.h"
#include "VenafiEndpoints.h"

#include <QJsonObject>

QString FakeAuthServer::operationOf(const FakeRequest &request) const
{
    QString grantType;
    QJsonObject json;
    if (FakeHttp::isForm(request)) {
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        grantType = form.value(QStringLiteral("grant_type"));
        if (grantType.isEmpty())
            grantType = form.value(QStringLiteral("response_type")); // Salesforce device start
    } else if (FakeHttp::isJson(request) && FakeHttp::parseJsonObject(request.body, &json)) {
        grantType = json.value(QLatin1String("grant_type")).toString();
    }
    if (grantType.isEmpty() && request.endpoint == QLatin1String("venafi.oauth"))
        return QStringLiteral("password");
    if (grantType.isEmpty() && request.endpoint == QLatin1String("venafi.token"))
        return QStringLiteral("refresh_token");
    return grantType;
}

bool FakeAuthServer::takeFault(const FakeRequest &request, FakeFault *fault)
{
    for (const QString &key : {request.endpoint.toLower(), QStringLiteral("*")}) {
        auto it = m_state->faults.find(key);
        if (it == m_state->faults.end())
            continue;
        it->removeIf([](const FakeFault &f) { return f.times == 0; });
        for (qsizetype i = 0; i < it->size(); ++i) {
            FakeFault &f = (*it)[i];
            if (!f.operation.isEmpty()
                && f.operation.compare(request.operation, Qt::CaseInsensitive) != 0)
                continue;
            *fault = f;
            if (f.times > 0 && --f.times == 0)
                it->removeAt(i);
            return true;
        }
    }
    return false;
}

namespace {

FakeHttpResponse scriptedResponse(const FakeFault &fault, qint64 nowMs)
{
    using Body = FakeFault::BodyKind;
    FakeHttpResponse r;
    r.status = fault.status;
    r.reason = fault.reason;
    r.headers = fault.headers;
    r.body = fault.body;
    const auto setBody = [&r](const QByteArray &type, const QByteArray &body) {
        r.headers.removeIf([](const QPair<QByteArray, QByteArray> &h) {
            return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        });
        if (!type.isEmpty())
            r.headers.append({"Content-Type", type});
        r.body = body;
    };
    const QByteArray phrase = QByteArray::number(fault.status) + ' '
            + (fault.reason.isEmpty() ? FakeHttpResponse::standardReason(fault.status)
                                      : fault.reason);
    switch (fault.bodyKind) {
    case Body::Scripted:
        break;
    case Body::Empty:
        setBody({}, {});
        break;
    case Body::Html:
        setBody("text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>" + phrase + "</title></head><body><h1>"
                        + phrase + "</h1><hr><p>fake-proxy/1.0</p></body></html>\n");
        break;
    case Body::Text:
        setBody("text/plain; charset=utf-8", phrase + '\n');
        break;
    case Body::JsonWithoutError:
        setBody("application/json",
                R"({"message":"request rejected","status":)" + QByteArray::number(fault.status)
                        + '}');
        break;
    }
    if (fault.retryAfterDate)
        r.setHeader("Retry-After",
                    FakeHttpResponse::httpDate(nowMs + fault.retryAfterOffsetSecs * 1000));
    return r;
}

} // namespace

void FakeAuthServer::dispatch(HttpConnection *connection, const FakeFault *fault,
                              FakeRequest &request)
{
    using Kind = FakeFault::Kind;
    const qint64 now = m_state->nowMs();
    auto realResponse = [&] {
        if (request.endpoint.startsWith(QLatin1String("venafi.")))
            return m_venafi->handle(request.endpoint, request);
        if (request.endpoint.startsWith(QLatin1String("sf.")))
            return m_salesforce->handle(request.endpoint, request);
        if (request.endpoint.startsWith(QLatin1String("generic.")))
            return m_generic->handle(request.endpoint, request);
        return FakeHttpResponse::text(404, "not found\n");
    };

    if (!fault) {
        const FakeHttpResponse r = realResponse();
        request.status = r.status;
        if (r.sendDelayMs > 0)
            connection->sendLater(r.serialize(now), r.sendDelayMs);
        else
            connection->send(r.serialize(now));
        return;
    }
    switch (fault->kind) {
    case Kind::Respond:
    case Kind::RespondAfterProcessing: {
        if (fault->kind == Kind::RespondAfterProcessing)
            realResponse();
        const FakeHttpResponse r = scriptedResponse(*fault, now);
        request.status = r.status;
        connection->send(r.serialize(now));
        return;
    }
    case Kind::Delay: {
        const FakeHttpResponse r = realResponse();
        request.status = r.status;
        connection->sendLater(r.serialize(now), fault->delayMs);
        return;
    }
    case Kind::SlowBody: {
        const FakeHttpResponse r = realResponse();
        request.status = r.status;
        connection->trickle(r.serializeHead(now, r.body.size()), r.body, fault->delayMs);
        return;
    }
    case Kind::NeverAnswer:
        connection->hang();
        return;
    case Kind::CloseAfterProcessing:
        realResponse();
        connection->abortNow();
        return;
    case Kind::CloseImmediately:
        connection->abortNow();
        return;
    case Kind::Redirect: {
        FakeHttpResponse r = scriptedResponse(*fault, now);
        r.status = fault->status >= 300 && fault->status < 400 ? fault->status : 307;
        r.setHeader("Location", fault->redirectTo.toEncoded());
        request.status = r.status;
        connection->send(r.serialize(now));
        return;
    }
    case Kind::HugeBody: {
        FakeHttpResponse r = scriptedResponse(*fault, now);
        r.status = 200;
        if (!r.hasHeader("Content-Type"))
            r.setHeader("Content-Type", "application/json");
        request.status = r.status;
        connection->streamBody(r.serializeHead(now, fault->hugeBytes < 0 ? -1 : fault->hugeBytes),
                               fault->hugeBytes);
        return;
    }
    }
}
