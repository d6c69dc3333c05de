// Phone numbers to E.164 digits: international, national, punctuation, extensions, trunk prefixes.
#include "domain/phonenumber.h"

#include <QtTest>

using namespace cb;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalise_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("e164");
        QTest::newRow("E.164") << QStringLiteral("+4930123456") << QStringLiteral("1") << QStringLiteral("4930123456");
        QTest::newRow("punctuated international")
            << QStringLiteral("+49 (30) 123-456") << QStringLiteral("1") << QStringLiteral("4930123456");
        QTest::newRow("00 prefix") << QStringLiteral("0049 30 123456") << QStringLiteral("44")
                                   << QStringLiteral("4930123456");
        QTest::newRow("German national") << QStringLiteral("030 123456") << QStringLiteral("49")
                                         << QStringLiteral("4930123456");
        QTest::newRow("UK (0) written") << QStringLiteral("+44 (0)20 7946 0958") << QStringLiteral("1")
                                        << QStringLiteral("442079460958");
        QTest::newRow("US national") << QStringLiteral("(415) 555-0132") << QStringLiteral("1")
                                     << QStringLiteral("14155550132");
        QTest::newRow("US with 1") << QStringLiteral("1-415-555-0132") << QStringLiteral("1")
                                   << QStringLiteral("14155550132");
        QTest::newRow("US 011 international")
            << QStringLiteral("011 49 30 123456") << QStringLiteral("1") << QStringLiteral("4930123456");
        QTest::newRow("extension x") << QStringLiteral("+1 415 555 0132 x204") << QStringLiteral("1")
                                     << QStringLiteral("14155550132");
        QTest::newRow("extension ext.") << QStringLiteral("(415) 555-0132 ext. 7") << QStringLiteral("1")
                                        << QStringLiteral("14155550132");
        QTest::newRow("tel URI extension")
            << QStringLiteral("+14155550132;ext=55") << QStringLiteral("1") << QStringLiteral("14155550132");
        QTest::newRow("dots") << QStringLiteral("415.555.0132") << QStringLiteral("1") << QStringLiteral("14155550132");
        QTest::newRow("international without +")
            << QStringLiteral("49 30 1234567") << QStringLiteral("49") << QStringLiteral("49301234567");
        QTest::newRow("too short") << QStringLiteral("12345") << QStringLiteral("1") << QString();
        QTest::newRow("letters only") << QStringLiteral("unknown") << QStringLiteral("1") << QString();
        QTest::newRow("too long") << QStringLiteral("+1234567890123456") << QStringLiteral("1") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("49") << QString();
    }
    void normalise()
    {
        QFETCH(QString, raw);
        QFETCH(QString, country);
        QFETCH(QString, e164);
        QCOMPARE(PhoneNumber::normalise(raw, country), e164);
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
