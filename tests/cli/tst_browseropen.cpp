#include "BrowserOpen.h"

#include <QTest>

#include <string>
#include <vector>

using Argv = std::vector<std::string>;

// tokenctl's $BROWSER reading (the xdg-open convention): commands split at blanks, never a
// shell; the URL is one argument whatever it contains.
class tst_BrowserOpen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutBrowserXdgOpen()
    {
        const auto c = BrowserOpen::candidates("", "http://x/?a=1&b=2");
        QCOMPARE(c.size(), std::size_t(1));
        QVERIFY(c.front() == (Argv{"xdg-open", "http://x/?a=1&b=2"}));
    }

    void urlAppendedAsOneArgument()
    {
        const std::string url = "https://idp/authorize?state=$(touch /tmp/p)&x=`id`;rm -rf ~";
        const auto c = BrowserOpen::candidates("firefox --new-tab", url);
        QCOMPARE(c.size(), std::size_t(1));
        QVERIFY(c.front() == (Argv{"firefox", "--new-tab", url}));
    }

    void percentSReplacedInPlace()
    {
        const auto c = BrowserOpen::candidates("chromium --app=%s --x=100%%", "http://u/");
        QVERIFY(c.front() == (Argv{"chromium", "--app=http://u/", "--x=100%"}));
    }

    void colonSeparatedListInOrder()
    {
        const auto c = BrowserOpen::candidates("w3m:: firefox  :lynx %s", "http://u/");
        QCOMPARE(c.size(), std::size_t(3));
        QVERIFY(c[0] == (Argv{"w3m", "http://u/"}));
        QVERIFY(c[1] == (Argv{"firefox", "http://u/"}));
        QVERIFY(c[2] == (Argv{"lynx", "http://u/"}));
    }
};

QTEST_APPLESS_MAIN(tst_BrowserOpen)
#include "tst_browseropen.moc"
