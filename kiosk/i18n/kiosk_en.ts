<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<!-- English plural forms only: the source strings are English; Qt picks "1 exhibitor matches" /
     "69 exhibitors match" from here. Every %n message in the code needs its two forms (a test checks). -->
<context>
    <name>Changes</name>
    <message numerus="yes">
        <source>Starts %1 (%n min late)</source>
        <translation>
            <numerusform>Starts %1 (%n min late)</numerusform>
            <numerusform>Starts %1 (%n min late)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts %1 (%n min early)</source>
        <translation>
            <numerusform>Starts %1 (%n min early)</numerusform>
            <numerusform>Starts %1 (%n min early)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message numerus="yes">
        <source>Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.</source>
        <translation>
            <numerusform>Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.</numerusform>
            <numerusform>Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exhibitors</name>
    <message numerus="yes">
        <source>%n exhibitor(s) match</source>
        <translation>
            <numerusform>%n exhibitor matches</numerusform>
            <numerusform>%n exhibitors match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message numerus="yes">
        <source>What changed (%n)</source>
        <translation>
            <numerusform>What changed (%n)</numerusform>
            <numerusform>What changed (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message numerus="yes">
        <source>Marked absent: %n</source>
        <translation>
            <numerusform>Marked absent: %n</numerusform>
            <numerusform>Marked absent: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Yes, mark %n absent</source>
        <translation>
            <numerusform>Yes, mark %n person absent</numerusform>
            <numerusform>Yes, mark %n people absent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyDay</name>
    <message numerus="yes">
        <source>Clears in %n s</source>
        <translation>
            <numerusform>Clears in %n s</numerusform>
            <numerusform>Clears in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message numerus="yes">
        <source>%1 m · about %n min walk</source>
        <translation>
            <numerusform>%1 m · about %n min walk</numerusform>
            <numerusform>%1 m · about %n min walk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>NEXT · in %n min</source>
        <translation>
            <numerusform>NEXT · in %n min</numerusform>
            <numerusform>NEXT · in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>NOW · %n min left</source>
        <translation>
            <numerusform>NOW · %n min left</numerusform>
            <numerusform>NOW · %n min left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate check-in(s) from devices that were apart</source>
        <translation>
            <numerusform>%n duplicate check-in from devices that were apart</numerusform>
            <numerusform>%n duplicate check-ins from devices that were apart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n s.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sync entries quarantined (details: sync status)</source>
        <translation>
            <numerusform>%n sync entry quarantined (details: sync status)</numerusform>
            <numerusform>%n sync entries quarantined (details: sync status)</numerusform>
        </translation>
    </message>
</context>
</TS>
