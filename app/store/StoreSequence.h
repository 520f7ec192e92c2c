#pragma once

#include "StorageStatus.h"

#include <functional>
#include <memory>
#include <QList>
#include <QObject>
#include <QPointer>

// Keychain answers arrive later; these two helpers keep their callers short.
namespace StoreCall {

// `f`, called only while `context` lives: the caller's lifetime, as QObject::connect and
// QTimer::singleShot take it. A null context is refused (Q_ASSERT): every answer has an owner.
template<typename... Args>
std::function<void(Args...)> guarded(const QObject *context, std::function<void(Args...)> f)
{
    Q_ASSERT(context);
    QPointer<const QObject> alive(context);
    return [alive, f = std::move(f)](Args... args) {
        if (alive)
            f(args...);
    };
}

// The first failure of a multi-item operation wins.
inline StorageStatus firstFailure(StorageStatus a, StorageStatus b)
{
    return a != StorageStatus::Ok ? a : b;
}

// A tiny sequencer for multi-item operations (tokens, then the password, then the client
// secret): each step starts when the previous one answered, sees the outcome so far, and reports
// its own through `next`; `done` gets the first failure, or Ok. No step is skipped on a failure:
// an erase goes on erasing, and a step that should not run after one checks `soFar`.
class Sequence
{
public:
    using Next = std::function<void(StorageStatus)>;
    using Step = std::function<void(StorageStatus soFar, const Next &next)>;

    Sequence &then(Step step)
    {
        m_steps.append(std::move(step));
        return *this;
    }
    void run(std::function<void(StorageStatus)> done)
    {
        auto state = std::make_shared<State>();
        state->steps = std::move(m_steps);
        state->done = std::move(done);
        advance(state);
    }

private:
    struct State
    {
        QList<Step> steps;
        qsizetype index = 0;
        StorageStatus status = StorageStatus::Ok;
        std::function<void(StorageStatus)> done;
    };
    static void advance(const std::shared_ptr<State> &state)
    {
        if (state->index == state->steps.size()) {
            state->done(state->status);
            return;
        }
        const Step step = state->steps.at(state->index++);
        step(state->status, [state](StorageStatus s) {
            state->status = firstFailure(state->status, s);
            advance(state);
        });
    }
    QList<Step> m_steps;
};

} // namespace StoreCall
